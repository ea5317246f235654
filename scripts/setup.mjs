#!/usr/bin/env node
// npm run setup [-- --browser]: install everything the project needs, then exit.
import { exitOnSetupError, log } from "../infra/scripts/lib/log.mjs";
import { setup } from "../infra/scripts/lib/setup.mjs";

try {
  await setup({ withBrowser: process.argv.includes("--browser") });
  log.ok("setup complete");
} catch (err) {
  exitOnSetupError(err);
}
