#!/bin/sh
# The e2e's browsers run at a lower CPU priority than the Nakama and Postgres they test. On the
# 2-core machines the suite's pages want several cores between them, and at equal priority the
# server under test was starved for seconds at a time (email sign-ins cancelled after 10 s,
# live rounds' match loops late by up to 1.8 s), which no player's server would be. Niced, the
# browsers take whatever the server leaves. Playwright's pipes (fds 3 and 4) pass through exec.
exec nice -n 10 "${CHROMIUM_PATH:-/usr/bin/chromium}" "$@"
