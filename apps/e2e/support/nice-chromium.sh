#!/bin/sh
# The e2e's browsers run at a lower CPU priority than the Nakama and Postgres they test. On the
# 2-core machines the suite's pages want several cores between them, and at equal priority the
# server under test was starved for seconds at a time (email sign-ins cancelled after 10 s,
# live rounds' match loops late by up to 4 s), which no player's server would be. Niced, the
# browsers take whatever the server leaves. Chromium raises its own browser and GPU processes
# to nice -8 and its renderers back to 0 when it may (as root, with CAP_SYS_NICE: CI), so that
# capability is dropped first. Playwright's pipes (fds 3 and 4) pass through both execs.
# Playwright starts each browser in a session of its own, and where the kernel groups the
# scheduler by session (autogroup, /proc/sys/kernel/sched_autogroup_enabled) the cores are shared
# between sessions first and nice only ranks a session's own processes: each browser would take
# as much as the whole session holding the server. So the browser's session is niced too.
if [ -w /proc/self/autogroup ]; then echo 10 > /proc/self/autogroup 2>/dev/null || true; fi
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ "$(id -u)" = 0 ]; then
  exec setpriv --bounding-set=-sys_nice --inh-caps=-sys_nice nice -n 10 "$chromium" "$@"
fi
exec nice -n 10 "$chromium" "$@"
