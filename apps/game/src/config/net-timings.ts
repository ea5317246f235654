import * as z from "zod/mini";

const ms = (min: number, max: number) => z.int().check(z.gte(min), z.lte(max));

/**
 * How long the net layer waits for things, in milliseconds. The defaults suit players; a site
 * (config.json's "timings") or a page of the test build (`?timings=heartbeatMs:2000,
 * reconnectBaseMs:100`, test-entry/url-options.ts) can shorten them, which is how the e2e
 * tests watch reconnects and renewals without waiting on the wall clock.
 */
export const NetTimings = z.strictObject({
  /** First delay before a dropped socket reconnects; doubles (with jitter) on each failure. */
  reconnectBaseMs: ms(50, 600_000),
  /** No reconnect delay is longer than this. */
  reconnectMaxMs: ms(50, 600_000),
  /** The socket pings this often, and counts it dead when a pong takes longer (nakama-js). */
  heartbeatMs: ms(250, 600_000),
  /** A socket that has not opened after this long counts as failed. */
  connectTimeoutMs: ms(250, 600_000),
  /** Renew the session token this long before it expires (at most half its life ahead). */
  refreshAheadMs: ms(0, 86_400_000),
  /** An RPC or socket connect renews first when the token has less than this left. */
  minValidityMs: ms(0, 86_400_000),
  /** First delay before a renewal that got no answer is tried again; doubles up to the max. */
  refreshRetryBaseMs: ms(50, 600_000),
  refreshRetryMaxMs: ms(50, 3_600_000),
});
export type NetTimings = z.infer<typeof NetTimings>;

export const defaultNetTimings: NetTimings = {
  reconnectBaseMs: 500,
  reconnectMaxMs: 30_000,
  heartbeatMs: 10_000,
  connectTimeoutMs: 10_000,
  refreshAheadMs: 60_000,
  minValidityMs: 10_000,
  refreshRetryBaseMs: 2_000,
  refreshRetryMaxMs: 60_000,
};

/** A "timings" setting that is not one: the page says which and why, and does not start. */
export class NetTimingsError extends Error {
  override name = "NetTimingsError";
}

const backoffPairs = [
  ["reconnectBaseMs", "reconnectMaxMs"],
  ["refreshRetryBaseMs", "refreshRetryMaxMs"],
] as const;

/**
 * The defaults, then config.json's `timings` object, then the URL's `?timings=` list
 * (`name:ms,name:ms`); later wins. Unknown names, non-integers, values out of range and a
 * base longer than its max are refused with a NetTimingsError naming the setting.
 */
export function readNetTimings(fromFile: unknown, fromUrl: string | null): NetTimings {
  const merged = {
    ...defaultNetTimings,
    ...parsePartial(fromFile ?? {}, "config.json timings"),
    ...parsePartial(fromUrl === null ? {} : parseUrlList(fromUrl), "?timings="),
  };
  for (const [base, max] of backoffPairs) {
    if (merged[base] > merged[max]) {
      throw new NetTimingsError(
        `timings: ${base} (${merged[base]}) is above ${max} (${merged[max]})`,
      );
    }
  }
  return merged;
}

function parsePartial(value: unknown, where: string): Partial<NetTimings> {
  const r = z.partial(NetTimings).safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => {
    const name = i.path.length ? i.path.join(".") : (i as { keys?: string[] }).keys?.join(", ");
    return `${name ?? "value"}: ${i.message}`;
  });
  throw new NetTimingsError(`${where}: ${issues.join("; ")}`);
}

function parseUrlList(list: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const entry of list.split(",").filter(Boolean)) {
    const [name, value, ...rest] = entry.split(":");
    if (!name || value === undefined || rest.length || !/^\d+$/.test(value)) {
      throw new NetTimingsError(`?timings=: "${entry}" is not name:milliseconds`);
    }
    out[name] = Number(value);
  }
  return out;
}
