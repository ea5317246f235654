// The devkit's commands, as root package.json runs them through bootstrap.mjs:
//   node tools/devkit/bootstrap.mjs <command> [args…]
// Each command module loads only when it runs, so a quick command starts quickly.
import { log, SetupError } from "./log";

type Command = { main(args: string[]): Promise<number> };

const commands: Record<string, { about: string; load: () => Promise<Command> }> = {
  start: { about: "everything, in the foreground", load: () => import("./commands/start") },
  test: { about: "the whole suite, as CI runs it", load: () => import("./commands/test") },
  setup: { about: "install what is missing [--browser]", load: () => import("./commands/setup") },
  infra: {
    about: "up | down: Postgres + Nakama in the background",
    load: () => import("./commands/infra"),
  },
  bench: { about: "the load benchmark", load: () => import("./commands/bench") },
  "check-prod-config": {
    about: "<nakama.yml>: refuse default/dev keys and an open console",
    load: () => import("./commands/check-prod-config"),
  },
  "new-rpc": {
    about: "<domain>/<snake_name>: add an RPC (contract, handler, client call, test)",
    load: () => import("./commands/new-rpc"),
  },
  rename: {
    about: "<game-name> <@scope> [--no-install]: rename the project",
    load: () => import("./commands/rename"),
  },
  "link-types": {
    about: "link the nkruntime types (what typecheck needs)",
    load: () => import("./commands/link-types"),
  },
  turbo: {
    about: "<args…>: the workspace's turbo, with the nkruntime types linked",
    load: async () => (await import("./commands/workspace-bin")).binCommand("turbo"),
  },
  biome: {
    about: "<args…>: the workspace's biome",
    load: async () => (await import("./commands/workspace-bin")).binCommand("biome"),
  },
};

async function cli([name, ...args]: string[]) {
  const command = name ? commands[name] : undefined;
  if (!command) {
    console.error("usage: node tools/devkit/bootstrap.mjs <command> [args…]");
    for (const [n, c] of Object.entries(commands)) console.error(`  ${n.padEnd(18)} ${c.about}`);
    return 2;
  }
  try {
    return await (await command.load()).main(args);
  } catch (err) {
    if (!(err instanceof SetupError)) throw err;
    log.fail(err.message);
    return 1;
  }
}

// Exit even while watchers or sockets of a finished command are still open.
process.exit(await cli(process.argv.slice(2)));
