/** Latency samples of one call, summarised as the bench prints them. */
export class Samples {
  private readonly ms: number[] = [];
  errors = 0;
  firstError: string | null = null;

  constructor(readonly name: string) {}

  async time<T>(fn: () => Promise<T>): Promise<T | undefined> {
    const t0 = performance.now();
    try {
      const out = await fn();
      this.ms.push(performance.now() - t0);
      return out;
    } catch (err) {
      this.errors++;
      this.firstError ??= err instanceof Error ? err.message : String(err);
      return undefined;
    }
  }

  summary(wallMs: number) {
    const sorted = [...this.ms].sort((a, b) => a - b);
    const pct = (p: number) =>
      sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
    return {
      name: this.name,
      calls: sorted.length,
      errors: this.errors,
      first_error: this.firstError,
      per_sec: sorted.length / (wallMs / 1000),
      p50: pct(50),
      p95: pct(95),
      p99: pct(99),
    };
  }
}

export type Summary = ReturnType<Samples["summary"]>;

/** Runs `tasks` with at most `limit` in flight. */
export async function pool<T>(
  items: T[],
  limit: number,
  task: (item: T, i: number) => Promise<void>,
) {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await task(items[i] as T, i);
    }
  });
  await Promise.all(workers);
}
