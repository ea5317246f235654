import net from "node:net";

export interface LagOptions {
  /** Added to every chunk, each way (ms): 75 each way is a 150 ms round trip. */
  delayMs: number;
  /** The share of chunks "lost": TCP resends them, so they arrive a retransmit later. */
  lossRate: number;
  /** How much later a lost chunk arrives (about one round trip: TCP's fast retransmit). */
  retransmitMs: number;
  /** Seeds the loss draws: the same run loses the same chunks. */
  seed?: number;
}

/**
 * A TCP proxy in front of Nakama's HTTP/WebSocket port that makes a bad mobile network on
 * loopback: every chunk waits `delayMs` each way; a `lossRate` share waits a retransmit more,
 * and holds up everything behind it, as a lost segment does on TCP (in order, nothing
 * dropped). Traffic goes only to the target on this machine.
 */
export async function startLagProxy(targetPort: number, options: LagOptions) {
  let rng = (options.seed ?? 1) >>> 0;
  const lost = () => {
    rng = (rng + 0x6d2b79f5) >>> 0;
    let t = rng;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000 < options.lossRate;
  };
  const stats = { chunks: 0, held: 0 };
  const sockets = new Set<net.Socket>();

  /**
   * Forwards `from` to `to` late, in order. One queue and one timer a direction: a timer per
   * chunk would not do, since Node fires timers due at the same millisecond in no set order (a
   * held chunk and the ones queued behind it share their time), and a stream written out of
   * order is one TCP never delivers: whole messages arriving swapped.
   */
  const pipe = (from: net.Socket, to: net.Socket) => {
    const queue: { at: number; chunk: Buffer }[] = [];
    let timer: ReturnType<typeof setTimeout> | null = null;
    let ended = false;
    const drain = () => {
      timer = null;
      const now = Date.now();
      while (queue.length > 0 && (queue[0] as { at: number }).at <= now) {
        const { chunk } = queue.shift() as { chunk: Buffer };
        if (!to.destroyed) to.write(chunk);
      }
      if (queue.length > 0) schedule();
      else if (ended) to.end();
    };
    const schedule = () => {
      if (timer !== null || queue.length === 0) return;
      timer = setTimeout(drain, Math.max(0, (queue[0] as { at: number }).at - Date.now()));
    };
    from.on("data", (chunk) => {
      stats.chunks++;
      const held = lost();
      if (held) stats.held++;
      const last = queue[queue.length - 1]?.at ?? 0;
      const at = Math.max(last, Date.now() + options.delayMs + (held ? options.retransmitMs : 0));
      queue.push({ at, chunk });
      schedule();
    });
    from.on("end", () => {
      ended = true;
      if (queue.length === 0 && timer === null) to.end();
    });
  };

  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, "127.0.0.1");
    for (const s of [client, upstream]) {
      s.setNoDelay(true);
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    pipe(client, upstream);
    pipe(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    stats,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
