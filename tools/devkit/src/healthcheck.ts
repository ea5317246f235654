// Nakama's /healthcheck, polled the one way every command and test uses.
import type { ChildProcess } from "node:child_process";

/** One probe: does Nakama on this port answer its healthcheck within `timeoutMs`? */
export async function isHealthy(port: number, timeoutMs = 2000) {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/healthcheck`, {
      signal: AbortSignal.timeout(timeoutMs),
    });
    return res.ok;
  } catch {
    return false;
  }
}

/** Polls until healthy; fails early when `child` (the Nakama being waited for) exits. */
export async function waitHealthy(
  port: number,
  { timeoutMs = 60_000, child }: { timeoutMs?: number; child?: ChildProcess } = {},
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) {
      throw new Error(`Nakama exited with code ${child.exitCode} before it was healthy`);
    }
    if (await isHealthy(port)) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`Nakama on port ${port} did not pass its healthcheck in ${timeoutMs} ms`);
}
