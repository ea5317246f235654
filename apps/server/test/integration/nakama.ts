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
