// Helpers for the suites that run their own stack: everything here takes the port explicitly.
// Rounds are played over real sockets by live-client.ts.
import { parseRpcError } from "@gift-grab/contracts";
import type { Session } from "@heroiclabs/nakama-js";
import { guest, newClient, rawRpc } from "./nakama";

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function player(port: number) {
  return guest(newClient(port));
}

/** An RPC over raw HTTP: status, parsed body and, for a refusal, the typed error. */
export async function call(port: number, session: Session, id: string, body: unknown) {
  const res = await rawRpc(id, JSON.stringify(body), session, port);
  return {
    status: res.status,
    json: res.json,
    error: res.status === 200 ? null : parseRpcError(res.json),
  };
}

export function userId(session: Session): string {
  if (!session.user_id) throw new Error("session without a user id");
  return session.user_id;
}

/** The first element, failing loudly when there is none. */
export function first<T>(items: readonly T[]): T {
  const [item] = items;
  if (item === undefined) throw new Error("expected at least one item");
  return item;
}
