// Nakama's YAML config files, read and written with the one YAML library: the overlays test
// stacks load on top of infra/nakama/local.yml, and the configs check:prod-config reads.
import fs from "node:fs";
import { parse, stringify } from "yaml";

/** A Nakama config as YAML gives it: nested sections of scalars and lists. */
export type NakamaConfig = { [key: string]: unknown };

/** Parses a YAML file; throws on invalid YAML with the parser's own message. */
export function readConfig(file: string): unknown {
  return parse(fs.readFileSync(file, "utf8"));
}

export function writeConfig(file: string, config: NakamaConfig) {
  fs.writeFileSync(file, stringify(config));
}
