// Helpers for the session tests: raw refresh/logout calls (to present exactly the token a
// test means), a socket recorder (notifications and close, in order) and a deadline poller.
import { randomUUID } from "node:crypto";
import { SESSION_CHECK, sessionCheck } from "@gift-grab/contracts";
import type { Client, Session, Socket } from "@heroiclabs/nakama-js";
import WebSocket from "ws";
import { newClient, untilRegistered } from "./nakama";

export const SERVER_KEY = "defaultkey";
const basic = `Basic ${Buffer.from(`${SERVER_KEY}:`).toString("base64")}`;

export async function rawRefresh(
  port: number,
  refreshToken: string,
  vars?: Record<string, string>,
) {
  const res = await fetch(`http://127.0.0.1:${port}/v2/account/session/refresh`, {
    method: "POST",
    headers: { authorization: basic, "content-type": "application/json" },
    body: JSON.stringify({ token: refreshToken, ...(vars ? { vars } : {}) }),
  });
  const json = (await res.json().catch(() => undefined)) as
    | { token?: string; refresh_token?: string; code?: number; message?: string }
    | undefined;
  return { status: res.status, json };
}

/** GET /v2/account with a session token: status only. */
export async function getAccountStatus(port: number, token: string) {
  const res = await fetch(`http://127.0.0.1:${port}/v2/account`, {
    headers: { authorization: `Bearer ${token}` },
  });
  await res.text();
  return res.status;
}

export async function rpcStatus(port: number, id: string, token: string, body = "{}") {
  const res = await fetch(`http://127.0.0.1:${port}/v2/rpc/${id}?unwrap=true`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body,
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: res.status, json };
}

/** session_check as the holder of `token` sees it. */
export async function sessionCount(port: number, token: string) {
  return sessionCheck.response.parse((await rpcStatus(port, SESSION_CHECK, token)).json);
}

export async function deviceLogin(
  port: number,
  opts: { deviceId?: string; vars?: Record<string, string>; client?: Client } = {},
) {
  const client = opts.client ?? newClient(port);
  const deviceId = opts.deviceId ?? randomUUID();
  const session = await client.authenticateDevice(deviceId, true, undefined, opts.vars);
  return { client, session, deviceId };
}

export type SocketEvent =
  | { type: "notification"; code: number; subject: string; content: unknown; at: number }
  | { type: "close"; code: number; at: number };

/**
 * A connected nakama-js socket that records what the server sends it, in order, once the
 * server has registered it (untilRegistered). `refused`: the server is expected to refuse
 * the token's messages (a logged-out or superseded token whose upgrade still succeeds), so
 * there is no registration to wait for.
 */
export async function recordedSocket(
  client: Client,
  session: Session,
  { refused = false }: { refused?: boolean } = {},
) {
  const socket: Socket = client.createSocket(false, false);
  const events: SocketEvent[] = [];
  socket.onnotification = (n) =>
    events.push({
      type: "notification",
      code: n.code ?? 0,
      subject: n.subject ?? "",
      content: n.content,
      at: Date.now(),
    });
  socket.ondisconnect = (evt) =>
    events.push({ type: "close", code: (evt as { code?: number }).code ?? 0, at: Date.now() });
  await socket.connect(session, true);
  if (!refused) await untilRegistered(socket);
  return { socket, events, closed: () => events.some((e) => e.type === "close") };
}

/** Polls until `check` holds or the deadline passes; returns the elapsed ms. */
export async function within(ms: number, check: () => boolean | Promise<boolean>, what: string) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return Date.now() - start;
}

/** Raw socket upgrade: "open" if accepted, else the HTTP status. */
export function socketUpgrade(port: number, token: string): Promise<number | "open"> {
  return new Promise((resolve) => {
    const ws = new WebSocket(
      `ws://127.0.0.1:${port}/ws?lang=en&status=true&token=${encodeURIComponent(token)}`,
    );
    ws.on("open", () => {
      ws.close();
      resolve("open");
    });
    ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
    ws.on("error", () => resolve(0));
  });
}
