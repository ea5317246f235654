// Loopback ports: is one free, who holds it, and free blocks for test stacks (so tests
// never collide with `npm start`).
import net from "node:net";
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

/**
 * A base port B such that B..B+span-1 are all free. Nakama takes a fixed pattern of
 * ports around its socket port (gRPC at port-1, console gRPC at console-3), so a stack
 * asks for one contiguous block.
 */
export async function findFreePortBlock(span = 10, from = 20000, to = 60000) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const base = from + Math.floor(Math.random() * ((to - from) / span)) * span;
    let free = true;
    for (let p = base; p < base + span && free; p++) free = await isPortFree(p);
    if (free) return base;
  }
  throw new Error("no free block of loopback ports found");
}
