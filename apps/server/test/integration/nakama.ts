// Helpers for talking to the real test server: nakama-js for what a player's client does,
// raw HTTP for what a hostile or broken client could send.
import { randomUUID } from "node:crypto";
import { Client, type DefaultSocket, type Session, type Socket } from "@heroiclabs/nakama-js";
import { inject } from "vitest";
import WebSocket from "ws";

// nakama-js expects a browser: a global WebSocket (Node 20 has none), and a `window` its
// heartbeat reads when a ping fails on a socket still open (a revoked socket's refused ping
// races the server's close): without one that path throws an unhandled ReferenceError.
(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
(globalThis as { window?: unknown }).window ??= globalThis;

export function server() {
  return inject("nakama");
}

export function baseUrl(port = server().port) {
  return `http://127.0.0.1:${port}`;
}

// 30 s (nakama-js defaults to 7 s): four files share two cores (vitest.config.ts), and a bcrypt
// sign-up on a starved CPU is slow, not lost.
export function newClient(port = server().port) {
  return new Client(server().serverKey, "127.0.0.1", String(port), false, 30_000, false);
}

export async function guest(client = newClient(), deviceId = randomUUID()) {
  const session = await client.authenticateDevice(deviceId, true);
  return { client, session, deviceId };
}

/** POST /v2/rpc/{id} with a raw body, as any HTTP client could send it. */
export async function rawRpc(
  id: string,
  body: string,
  auth: { token: string } | { httpKey: string },
  port = server().port,
) {
  const url = new URL(`${baseUrl(port)}/v2/rpc/${id}`);
  url.searchParams.set("unwrap", "true");
  const headers: Record<string, string> = { "content-type": "application/json" };
  if ("token" in auth) headers.authorization = `Bearer ${auth.token}`;
  else url.searchParams.set("http_key", auth.httpKey);
  const res = await fetch(url, { method: "POST", headers, body });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json };
}

export async function openSocket(client: Client, session: Session) {
  const socket = client.createSocket(false, false);
  await socket.connect(session, true);
  await untilRegistered(socket);
  return socket;
}

/**
 * Waits until the server has registered a socket that just connected. Nakama answers the
 * upgrade first and only then adds the session to its registry and tracks its presence
 * (server/socket_ws.go), so a test that looks at the server's side (a session count, a
 * sign-in that must find the socket live) right after connect() can race it. Messages are
 * read only after that, so an answered ping proves it. Not for a socket whose token the
 * server refuses: its ping gets no answer.
 */
export async function untilRegistered(socket: Socket) {
  // createSocket's type is the Socket interface; the object is a DefaultSocket, whose send()
  // resolves on the answer to its message.
  await (socket as DefaultSocket).send({ ping: {} });
}

/**
 * Why an error body shows something of the module, or null when it shows nothing. Nakama
 * 3.40 always adds `error.stackTrace` to a failed HTTP RPC (api_rpc.go); the module makes it
 * the refusal's own message and one frame that is no code of ours (src/runtime/refusal.ts).
 * Before the fix it read `[object Object]\n\tat rpc_<id> (index.js:4676:18(15))`.
 */
export function moduleInternalsIn(text: string): string | null {
  if (/index\.js|\[object Object\]|\bat (rpc|hook|rt_before)_|__giftGrab/.test(text))
    return `module internals in ${text}`;
  let json: { message?: unknown; error?: { stackTrace?: unknown } } | undefined;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const stack = json?.error?.stackTrace;
  if (stack === undefined) return null;
  const expected = `${String(json?.message)}\n\tat <eval>:1:1(`;
  if (typeof stack !== "string" || !stack.startsWith(expected) || !/\(\d+\)\n$/.test(stack))
    return `a stack beyond the refusal's own message: ${JSON.stringify(stack)}`;
  return stack.split("\n\tat ").length === 2 ? null : `more than one frame: ${stack}`;
}
