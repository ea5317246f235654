// A PostgreSQL cluster of the project's own, run from Debian's binaries with initdb and
// pg_ctl. As root the cluster belongs to the `postgres` user (Postgres refuses to run as
// root); otherwise to whoever runs the script.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { SetupError } from "./log";
import { capture, isRoot, run } from "./process";
import { versions } from "./versions";

const PG_BIN_ROOT = "/usr/lib/postgresql";

export function findPgBin() {
  const preferred = path.join(PG_BIN_ROOT, String(versions.postgresMajor), "bin");
  if (fs.existsSync(path.join(preferred, "initdb"))) return preferred;
  if (!fs.existsSync(PG_BIN_ROOT)) return null;
  const majors = fs
    .readdirSync(PG_BIN_ROOT)
    .filter((d) => fs.existsSync(path.join(PG_BIN_ROOT, d, "bin/initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return majors[0] ? path.join(PG_BIN_ROOT, majors[0], "bin") : null;
}

export function hasPgTrgm(binDir: string) {
  const major = path.basename(path.dirname(binDir));
  return fs.existsSync(`/usr/share/postgresql/${major}/extension/pg_trgm.control`);
}

/** uid/gid the cluster runs as: the postgres user when we are root. */
function clusterOwner(): { uid?: number; gid?: number } {
  if (!isRoot()) return {};
  const uid = Number(capture("id", ["-u", "postgres"]).stdout.trim());
  const gid = Number(capture("id", ["-g", "postgres"]).stdout.trim());
  if (!Number.isInteger(uid) || !Number.isInteger(gid)) {
    throw new SetupError(
      "running as root but there is no `postgres` user: apt-get install postgresql",
    );
  }
  return { uid, gid };
}

function ensureOwnedDir(dir: string, owner: { uid?: number; gid?: number }) {
  // Parents stay world-traversable: the postgres user must reach its folder through them.
  fs.mkdirSync(path.dirname(dir), { recursive: true, mode: 0o755 });
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (owner.uid !== undefined && owner.gid !== undefined) fs.chownSync(dir, owner.uid, owner.gid);
}

/** Can the cluster owner reach `dir`? (A repo under /root is out of reach of `postgres`.) */
export function ownerCanReach(dir: string) {
  if (!isRoot()) return true;
  const { uid, gid } = clusterOwner();
  return capture("test", ["-x", dir], { uid, gid }).code === 0;
}

const INITDB_OPTIONS = ["-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-instructions"];

export class PostgresCluster {
  readonly dir: string;
  readonly port: number;
  readonly binDir: string;
  readonly dataDir: string;
  readonly socketDir: string;
  readonly logFile: string;
  readonly owner: { uid?: number; gid?: number };

  constructor({ dir, port, binDir }: { dir: string; port: number; binDir: string }) {
    this.dir = dir;
    this.port = port;
    this.binDir = binDir;
    this.dataDir = path.join(dir, "pgdata");
    this.socketDir = path.join(dir, "socket");
    this.logFile = path.join(dir, "postgres.log");
    this.owner = clusterOwner();
  }

  bin(name: string) {
    return path.join(this.binDir, name);
  }

  /**
   * Creates the cluster unless it exists: with initdb, or as a copy of `template`, a stopped
   * cluster initdb made (clusterTemplate()).
   */
  async init(template?: string) {
    if (fs.existsSync(path.join(this.dataDir, "PG_VERSION"))) return false;
    ensureOwnedDir(this.dir, this.owner);
    ensureOwnedDir(this.socketDir, this.owner);
    if (template) {
      // -a keeps the owner (postgres, when we are root) and pgdata's 0700.
      const r = capture("cp", ["-a", template, this.dataDir]);
      if (r.code !== 0) throw new Error(`copying the cluster ${template} failed: ${r.stderr}`);
      return true;
    }
    await run(this.bin("initdb"), ["-D", this.dataDir, ...INITDB_OPTIONS], {
      ...this.owner,
      onLine: () => {},
    });
    return true;
  }

  isRunning() {
    return capture(this.bin("pg_ctl"), ["-D", this.dataDir, "status"], this.owner).code === 0;
  }

  /** Port the running cluster was started on, from postmaster.pid (line 4). */
  runningPort() {
    try {
      const lines = fs.readFileSync(path.join(this.dataDir, "postmaster.pid"), "utf8").split("\n");
      return Number(lines[3]);
    } catch {
      return null;
    }
  }

  async start() {
    if (this.isRunning()) {
      const port = this.runningPort();
      if (port && port !== this.port) {
        throw new SetupError(
          `Postgres in ${this.dataDir} is already running on port ${port}, not ${this.port}. Stop it with: npm run infra:down`,
        );
      }
      return false;
    }
    ensureOwnedDir(this.socketDir, this.owner);
    const opts = [
      `-p ${this.port}`,
      `-k ${this.socketDir}`,
      "-c listen_addresses=127.0.0.1",
      "-c fsync=off",
      "-c max_connections=200",
    ].join(" ");
    try {
      await run(
        this.bin("pg_ctl"),
        ["-D", this.dataDir, "-l", this.logFile, "-o", opts, "-w", "-t", "60", "start"],
        { ...this.owner, onLine: () => {} },
      );
    } catch (err) {
      const logTail = fs.existsSync(this.logFile)
        ? fs.readFileSync(this.logFile, "utf8").split("\n").slice(-15).join("\n")
        : "";
      throw new SetupError(
        `Postgres did not start (port ${this.port}).\n${logTail}\n${(err as Error).message}`,
      );
    }
    return true;
  }

  async stop() {
    if (!this.isRunning()) return false;
    await run(this.bin("pg_ctl"), ["-D", this.dataDir, "-m", "fast", "-w", "stop"], {
      ...this.owner,
      onLine: () => {},
    });
    return true;
  }

  /** Runs one SQL command with psql (tuples only, unaligned): e.g. to plant rows in tests. */
  psql(sql: string, database = "postgres") {
    return capture(
      this.bin("psql"),
      ["-h", "127.0.0.1", "-p", String(this.port), "-U", "postgres", "-d", database, "-tAc", sql],
      this.owner,
    );
  }

  async ensureDatabase(name: string) {
    const exists = this.psql(`SELECT 1 FROM pg_database WHERE datname = '${name}'`);
    if (exists.code !== 0) throw new Error(`psql failed: ${exists.stderr}`);
    if (exists.stdout.trim() !== "1") {
      const r = this.psql(`CREATE DATABASE "${name}"`);
      if (r.code !== 0) throw new Error(`CREATE DATABASE ${name} failed: ${r.stderr}`);
    }
  }

  databaseAddress(name: string) {
    return `postgres@127.0.0.1:${this.port}/${name}?sslmode=disable`;
  }
}

/**
 * A stopped cluster just as initdb leaves it, to copy test clusters from: initdb costs each
 * test stack about a second of CPU and more of wall time (it syncs every file), a copy a fifth
 * of that CPU. Made once per temp folder and Postgres install; stacks that start together race
 * to make it, and the first rename into place wins. Returns its data folder (in `parent`).
 */
export async function clusterTemplate(binDir: string, parent = os.tmpdir()) {
  const owner = clusterOwner();
  // initdb's options are in the name: a change to them makes a new template, not a stale copy.
  const options = createHash("sha256").update(INITDB_OPTIONS.join(" ")).digest("hex").slice(0, 8);
  const key = `${path.basename(path.dirname(binDir))}-${owner.uid ?? process.getuid?.() ?? 0}-${options}`;
  const dir = path.join(parent, `gift-grab-pg-template-${key}`);
  const dataDir = path.join(dir, "pgdata");
  const made = () => fs.existsSync(path.join(dataDir, "global", "pg_control"));
  if (made()) return dataDir;
  // Left broken (a temp cleaner took part of it): made again.
  if (fs.existsSync(dir) && !made()) fs.rmSync(dir, { recursive: true, force: true });
  const building = fs.mkdtempSync(`${dir}-building-`);
  fs.chmodSync(building, 0o755);
  try {
    await new PostgresCluster({ dir: building, port: 0, binDir }).init();
    try {
      fs.renameSync(building, dir);
    } catch (err) {
      // Another stack put its template there first: use that one.
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== "ENOTEMPTY" && code !== "EEXIST") throw err;
    }
  } finally {
    fs.rmSync(building, { recursive: true, force: true });
  }
  return dataDir;
}
