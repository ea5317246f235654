// Free loopback ports for test stacks, so tests never collide with `npm start`.
import net from "node:net";

export function isPortFree(port, host = "127.0.0.1") {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
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
