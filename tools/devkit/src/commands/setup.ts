// npm run setup [-- --browser]: install everything the project needs, then exit.
import { log } from "../log";
import { setup } from "../setup";

export async function main(args: string[]) {
  await setup({ withBrowser: args.includes("--browser") });
  log.ok("setup complete");
  return 0;
}
