// Is a Nakama ready: polled the one way every command and test uses.
import type { ChildProcess } from "node:child_process";

/** One HTTP GET on loopback: does its status pass `accept` within `timeoutMs`? */
async function probe(url: string, accept: (status: number) => boolean, timeoutMs: number) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    return accept(res.status);
  } catch {
    return false;
  }
}

/** One probe: does Nakama on this port answer its healthcheck within `timeoutMs`? */
export function isHealthy(port: number, timeoutMs = 2000) {
  return probe(
    `http://127.0.0.1:${port}/healthcheck`,
    (status) => status >= 200 && status < 300,
    timeoutMs,
  );
}

/**
 * One probe: does the console answer through to its gRPC server? Nakama starts the console's
 * HTTP gateway and its gRPC listener (port - 3) apart, and a call between the two gets 503
 * "connection refused". Without a token a call that reaches gRPC is refused with 401; the
 * probe never authenticates, so it can't trip the console's login lockout.
 */
export function isConsoleUp(consolePort: number, timeoutMs = 2000) {
  return probe(
    `http://127.0.0.1:${consolePort}/v2/console/config`,
    (status) => status === 401,
    timeoutMs,
  );
}

/**
 * Polls until Nakama passes its healthcheck and, given its port, the console answers;
 * fails early when `child` (the Nakama being waited for) exits.
 */
export async function waitHealthy(
  port: number,
  {
    timeoutMs = 60_000,
    child,
    consolePort,
  }: { timeoutMs?: number; child?: ChildProcess; consolePort?: number } = {},
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) {
      throw new Error(`Nakama exited with code ${child.exitCode} before it was healthy`);
    }
    if ((await isHealthy(port)) && (consolePort === undefined || (await isConsoleUp(consolePort))))
      return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(
    `Nakama on port ${port} did not pass its healthcheck${consolePort === undefined ? "" : " and console probe"} in ${timeoutMs} ms`,
  );
}
