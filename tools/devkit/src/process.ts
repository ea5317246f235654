// Child processes, in one place: run a command (to completion, or with its output shown or
// fed line by line), find processes of ours by their command line, and stop one for sure.
import { type SpawnOptions, type SpawnSyncOptions, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

export function isRoot() {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

/** Runs a command to completion and returns its output. Never throws on a non-zero exit. */
export function capture(cmd: string, args: string[], options: SpawnSyncOptions = {}): Captured {
  const r = spawnSync(cmd, args, { encoding: "utf8", ...options });
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT")
    return { code: 127, stdout: "", stderr: `${cmd}: not found` };
  return { code: r.status ?? 1, stdout: String(r.stdout ?? ""), stderr: String(r.stderr ?? "") };
}

export function which(cmd: string) {
  const r = capture("sh", ["-c", `command -v ${cmd}`]);
  return r.code === 0 ? r.stdout.trim() : null;
}

export interface RunOptions extends SpawnOptions {
  /** Each line of stdout and stderr, instead of showing them. */
  onLine?: (line: string) => void;
}

/** Runs a command with its output shown (or fed to onLine); rejects on a non-zero exit. */
export function run(cmd: string, args: string[], options: RunOptions = {}) {
  const { onLine, ...spawnOptions } = options;
  return new Promise<void>((resolve, reject) => {
    const child = spawn(cmd, args, {
      stdio: onLine ? ["ignore", "pipe", "pipe"] : "inherit",
      ...spawnOptions,
    });
    let tail = "";
    if (onLine) {
      let buffer = "";
      const feed = (chunk: string) => {
        buffer += chunk;
        tail = (tail + chunk).slice(-4000);
        let nl = buffer.indexOf("\n");
        while (nl >= 0) {
          onLine(buffer.slice(0, nl));
          buffer = buffer.slice(nl + 1);
          nl = buffer.indexOf("\n");
        }
      };
      child.stdout?.setEncoding("utf8").on("data", feed);
      child.stderr?.setEncoding("utf8").on("data", feed);
    }
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `${cmd} ${args.join(" ")} exited with ${code ?? signal}${tail ? `\n${tail}` : ""}`,
          ),
        );
    });
  });
}

/**
 * Is the process still there? Until it is reaped it is (a killed Go program's other threads
 * may still hold its sockets while its main thread already shows as a zombie).
 */
export function isAlive(pid: number) {
  return fs.existsSync(`/proc/${pid}`);
}

/** Pids of the running processes whose argv (from /proc/<pid>/cmdline) satisfies `match`. */
export function findProcesses(match: (argv: string[]) => boolean) {
  const pids: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const argv = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      if (match(argv)) pids.push(Number(entry));
    } catch {
      // gone already
    }
  }
  return pids;
}

async function waitGone(pid: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}

function signal(pid: number, sig: NodeJS.Signals) {
  try {
    process.kill(pid, sig);
  } catch {
    // exited meanwhile
  }
}

/**
 * Stops a process and resolves once it is gone: SIGTERM, then SIGKILL if it is still there
 * after `graceMs` (a hung or SIGSTOPped process never handles SIGTERM). `graceMs: 0` kills
 * at once. A killed process whose parent never reaps it stays a zombie: after 10 s we stop
 * waiting, and whoever needs its port finds out whether it let go.
 */
export async function stopProcess(pid: number, { graceMs = 10_000 } = {}) {
  if (!isAlive(pid)) return;
  if (graceMs > 0) {
    signal(pid, "SIGTERM");
    if (await waitGone(pid, graceMs)) return;
  }
  signal(pid, "SIGKILL");
  await waitGone(pid, 10_000);
}
