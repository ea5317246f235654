// Helpers for the round and leaderboard suites: each suite runs its own stack (short rounds),
// so everything here takes the port explicitly.
import {
  parseRpcError,
  type RpcRequest,
  type RpcResponse,
  roundStart,
  roundSubmit,
} from "@gift-grab/contracts";
import { ticksFor } from "@gift-grab/simulation";
import { playBot } from "@gift-grab/simulation/bot";
import type { Session } from "@heroiclabs/nakama-js";
import { guest, newClient, rawRpc } from "./nakama";

export type StartResult = RpcResponse<typeof roundStart>;
export type SubmitRequest = RpcRequest<typeof roundSubmit>;

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

export async function start(
  port: number,
  session: Session,
  body: RpcRequest<typeof roundStart> = {},
): Promise<StartResult> {
  const res = await call(port, session, roundStart.id, body);
  if (res.status !== 200) throw new Error(`round_start: ${res.status} ${JSON.stringify(res.json)}`);
  return roundStart.response.parse(res.json);
}

export function submit(port: number, session: Session, body: SubmitRequest) {
  return call(port, session, roundSubmit.id, body);
}

/** Waits until the round a ticket opened is over (by the server's start time). */
export async function untilOver(round: StartResult) {
  const left = round.started_at + round.duration_ms - Date.now();
  if (left > 0) await sleep(left + 50);
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

/** A submit of the round as a bot steering at the gift plays it: the score is the replay's. */
export function played(round: StartResult, botSeed = 1): SubmitRequest {
  const run = playBot(round, { seed: botSeed });
  return { ticket: round.ticket, score: run.score, inputs: run.inputs };
}

/** A submit of the round with Santa standing still all round: always 0. */
export function idle(round: StartResult): SubmitRequest {
  return { ticket: round.ticket, score: 0, inputs: [[ticksFor(round.duration_ms), 0, 0]] };
}

/**
 * A finished round and a submit of it that scores at least 1 (a round that catches nothing
 * stays off the board): the first bot seed that scores on the round's seed, else a new round
 * (the one it leaves is submitted idle, so it doesn't hold the next start up; `skipped` counts
 * them, for the stats).
 */
export async function scoringRound(
  port: number,
  session: Session,
): Promise<{ round: StartResult; body: SubmitRequest; skipped: number }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const round = await start(port, session);
    await untilOver(round);
    for (let botSeed = 1; botSeed <= 20; botSeed++) {
      const body = played(round, botSeed);
      if (body.score > 0) return { round, body, skipped: attempt };
    }
    const res = await submit(port, session, idle(round));
    if (res.status !== 200) throw new Error(`round_submit: ${res.status}`);
  }
  throw new Error("no scoring round in 5 tries");
}
