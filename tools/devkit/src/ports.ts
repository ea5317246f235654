// Loopback ports: is one free, who holds it, and free blocks for test stacks (so tests
// never collide with `npm start`).
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { capture } from "./process";

export function isPortFree(port: number, host = "127.0.0.1") {
  return new Promise<boolean>((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** The program listening on a port, as `ss` describes it, for messages that name it. */
export function portOwner(port: number) {
  const r = capture("ss", ["-ltnpH", `sport = :${port}`]);
  return r.stdout.trim() || "unknown program";
}

/** Is the process that wrote a claim still running? */
function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

const claimFile = (base: number) => path.join(os.tmpdir(), `gift-grab-port-block-${base}`);

/**
 * Claims a block for this process with a file in the temp folder, so that stacks starting
 * at the same moment (parallel test files) never both take it between the check and the
 * bind. The stack releases it when it stops; one left behind by a process that died lapses.
 */
function claimBlock(base: number) {
  const file = claimFile(base);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      return true;
    } catch {
      try {
        // Empty: its writer is between creating and writing it.
        const pid = Number(fs.readFileSync(file, "utf8"));
        if (!(Number.isInteger(pid) && pid > 0) || isAlive(pid)) return false;
        fs.rmSync(file, { force: true });
      } catch {
        return false;
      }
    }
  }
  return false;
}

/**
 * A base port B such that B..B+span-1 are all free, claimed for this process. Nakama takes
 * a fixed pattern of ports around its socket port (gRPC at port-1, console gRPC at
 * console-3), so a stack asks for one contiguous block. The blocks lie below Linux's
 * ephemeral range (32768 up), where an outgoing connection's local port could take one
 * between the check and the bind.
 */
export async function findFreePortBlock(span = 10, from = 20000, to = 32768) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const base = from + Math.floor(Math.random() * Math.floor((to - from) / span)) * span;
    let free = true;
    for (let p = base; p < base + span && free; p++) free = await isPortFree(p);
    if (free && claimBlock(base)) return base;
  }
  throw new Error("no free block of loopback ports found");
}

/** Gives back a block this process claimed, once its stack has stopped (twice is fine). */
export function releasePortBlock(base: number) {
  const file = claimFile(base);
  try {
    // Only our own claim: after the first release another process may have claimed it.
    if (fs.readFileSync(file, "utf8") === String(process.pid)) fs.rmSync(file, { force: true });
  } catch {
    // No claim file: nothing to give back.
  }
}
