// No Docker engine runs here, so infra/docker-compose.yml is checked by reading it: it must
// run the same Nakama, config and module as the native path (tools/devkit).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { repoRoot } from "./clone";

const infra = path.join(repoRoot, "infra");
const compose = parse(fs.readFileSync(path.join(infra, "docker-compose.yml"), "utf8"));
const local = parse(fs.readFileSync(path.join(infra, "nakama/local.yml"), "utf8"));
const versions = JSON.parse(fs.readFileSync(path.join(infra, "versions.json"), "utf8"));
const { postgres, nakama } = compose.services;

/** The shell script of Nakama's entrypoint, one command per element. */
const script: string = nakama.entrypoint.at(-1);
const commands = script.split("&&").map((c) => c.trim().split(/\s+/));
const migrate = commands.find((c) => c.includes("migrate")) ?? [];
const serve = commands.find((c) => c.includes("--config")) ?? [];
const flag = (cmd: string[], name: string) => {
  const i = cmd.indexOf(name);
  return i >= 0 ? cmd[i + 1] : undefined;
};
/** "host:container[:ro]" → {source (resolved from infra/), target}. */
const mounts = (nakama.volumes as string[]).map((v) => {
  const [source = "", target = ""] = v.split(":");
  return { source: path.resolve(infra, source), target };
});

describe("infra/docker-compose.yml", () => {
  it("pins Nakama to infra/versions.json and Postgres to its major version", () => {
    expect(nakama.image).toBe(`heroiclabs/nakama:${versions.nakama}`);
    expect(postgres.image).toMatch(new RegExp(`^postgres:${versions.postgresMajor}\\.\\d+`));
  });

  it("migrates the database before starting Nakama, against the compose database", () => {
    expect(migrate.slice(0, 3)).toEqual(["/nakama/nakama", "migrate", "up"]);
    expect(commands.indexOf(migrate)).toBeLessThan(commands.indexOf(serve));
    expect(serve.slice(0, 2)).toEqual(["exec", "/nakama/nakama"]);
    const env = postgres.environment;
    const address = `${env.POSTGRES_USER}:${env.POSTGRES_PASSWORD}@postgres:5432/${env.POSTGRES_DB}?sslmode=disable`;
    expect(flag(migrate, "--database.address")).toBe(address);
    expect(flag(serve, "--database.address")).toBe(address);
    expect(nakama.depends_on.postgres.condition).toBe("service_healthy");
  });

  it("gives Nakama the native path's Go runtime settings (infra/nakama/go.env)", () => {
    expect(path.resolve(infra, nakama.env_file)).toBe(path.join(infra, "nakama/go.env"));
    expect(fs.readFileSync(path.join(infra, "nakama/go.env"), "utf8")).toMatch(/^GOGC=\d+$/m);
  });

  it("starts Nakama with GOMAXPROCS at twice the cores, as the native path does", () => {
    // Compose turns $$ into $: the shell sees ${GOMAXPROCS:-$((2 * $(nproc)))}.
    expect(commands[0]?.join(" ")).toBe('export GOMAXPROCS="$${GOMAXPROCS:-$$((2 * $$(nproc)))}"');
  });

  it("loads infra/nakama/local.yml, the native path's config", () => {
    const config = mounts.find((m) => m.target === flag(serve, "--config"));
    expect(config?.source).toBe(path.join(infra, "nakama/local.yml"));
  });

  it("mounts apps/server/dist as the runtime path, with local.yml's entrypoint file", () => {
    const modules = mounts.find((m) => m.target === flag(serve, "--runtime.path"));
    expect(modules?.source).toBe(path.join(repoRoot, "apps/server/dist"));
    expect(local.runtime.js_entrypoint).toBe("index.js");
  });

  it("publishes local.yml's socket and console ports on loopback only", () => {
    expect(nakama.ports).toEqual([
      `127.0.0.1:${local.socket.port}:${local.socket.port}`,
      `127.0.0.1:${local.console.port}:${local.console.port}`,
    ]);
    for (const p of postgres.ports ?? []) expect(p).toMatch(/^127\.0\.0\.1:/);
  });

  it("overrides nothing of local.yml but the listen addresses (same keys, session, runtime env)", () => {
    const overridden = serve.filter((a) => a.startsWith("--")).sort();
    expect(overridden).toEqual(
      [
        "--config",
        "--console.address",
        "--database.address",
        "--runtime.path",
        "--socket.address",
      ].sort(),
    );
  });

  it("checks health with `nakama healthcheck` on the socket port", () => {
    expect(nakama.healthcheck.test).toEqual(["CMD", "/nakama/nakama", "healthcheck"]);
    // `nakama healthcheck` probes localhost:7350 unless given a port.
    expect(local.socket.port).toBe(7350);
    expect(postgres.healthcheck.test).toContain("pg_isready");
  });
});
