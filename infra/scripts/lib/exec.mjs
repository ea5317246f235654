// Small wrappers over child_process that fail loudly with the command's own output.
import { spawn, spawnSync } from "node:child_process";

export function isRoot() {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

/** Runs a command to completion; returns { code, stdout, stderr }. Never throws on a non-zero exit. */
export function capture(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: "utf8", ...options });
  if (r.error && r.error.code === "ENOENT")
    return { code: 127, stdout: "", stderr: `${cmd}: not found` };
  return { code: r.status ?? 1, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}

export function which(cmd) {
  const r = capture("sh", ["-c", `command -v ${cmd}`]);
  return r.code === 0 ? r.stdout.trim() : null;
}

/** Runs a command with its output shown (or piped to onLine); rejects on a non-zero exit. */
export function run(cmd, args, options = {}) {
  const { onLine, ...spawnOptions } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      stdio: onLine ? ["ignore", "pipe", "pipe"] : "inherit",
      ...spawnOptions,
    });
    let tail = "";
    if (onLine) {
      let buffer = "";
      const feed = (chunk) => {
        buffer += chunk;
        tail = (tail + chunk).slice(-4000);
        let nl = buffer.indexOf("\n");
        while (nl >= 0) {
          onLine(buffer.slice(0, nl));
          buffer = buffer.slice(nl + 1);
          nl = buffer.indexOf("\n");
        }
      };
      child.stdout.setEncoding("utf8").on("data", feed);
      child.stderr.setEncoding("utf8").on("data", feed);
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
