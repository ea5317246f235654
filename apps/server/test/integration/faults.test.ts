import {
  PLAYER_STATS_GET,
  parseRpcError,
  ROUND_START,
  ROUND_SUBMIT,
  roundStart,
  roundSubmit,
  SESSION_CHECK,
} from "@gift-grab/contracts";
import { startTestStack, type TestStack } from "@gift-grab/infra/stack";
import { playBot } from "@gift-grab/simulation/bot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guest, newClient, rawRpc } from "./nakama";

// Faults on a stack of this file's own: Nakama restarted mid-round, Postgres stopped.
const ROUND_MS = 800;
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({
    name: "faults",
    runtimeEnv: { ROUND_DURATION_MS: String(ROUND_MS) },
  });
});
afterAll(async () => {
  await stack?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function player() {
  return guest(newClient(stack.port));
}

function noStack(text: string) {
  expect(text).not.toMatch(/goroutine|panic|\.go:\d+|handleRpc|callRpc|pq:|SQLSTATE/);
}

describe("faults on the real stack", () => {
  it("a round started before a Nakama restart is submitted after it, exactly once", async () => {
    const { session } = await player();
    const start = roundStart.response.parse(
      (await rawRpc(ROUND_START, "{}", session, stack.port)).json,
    );
    await stack.restartNakama();
    await sleep(Math.max(0, start.started_at + start.duration_ms - Date.now()) + 100);
    const played = playBot(start, { seed: 1 });
    const body = JSON.stringify({
      ticket: start.ticket,
      score: played.score,
      inputs: played.inputs,
    });
    const first = await rawRpc(ROUND_SUBMIT, body, session, stack.port);
    expect(first.status, first.text).toBe(200);
    const result = roundSubmit.response.parse(first.json);
    expect(result).toMatchObject({ accepted: true, score: played.score });
    const retry = await rawRpc(ROUND_SUBMIT, body, session, stack.port);
    expect(roundSubmit.response.parse(retry.json)).toEqual(result);
  });

  it("with Postgres stopped, RPCs fail with a clean typed error; nothing half-written; all good when it is back", async () => {
    const { session } = await player();
    const start = roundStart.response.parse(
      (await rawRpc(ROUND_START, "{}", session, stack.port)).json,
    );
    await sleep(ROUND_MS + 100);
    const played = playBot(start, { seed: 2 });
    const body = JSON.stringify({
      ticket: start.ticket,
      score: played.score,
      inputs: played.inputs,
    });
    await stack.pg.stop();
    try {
      for (const [id, payload] of [
        [ROUND_SUBMIT, body],
        [ROUND_START, "{}"],
        [PLAYER_STATS_GET, "{}"],
      ] as const) {
        const res = await rawRpc(id, payload, session, stack.port);
        expect(res.status, `${id}: ${res.text}`).toBe(503);
        expect(parseRpcError(res.json).reason, id).toBe("unavailable");
        noStack(res.text);
      }
      // RPCs that need no database keep working.
      expect((await rawRpc(SESSION_CHECK, "{}", session, stack.port)).status).toBe(200);
    } finally {
      await stack.pg.start();
    }
    // Back without restarting Nakama: the ticket was not consumed by the failed submit.
    let res = await rawRpc(ROUND_SUBMIT, body, session, stack.port);
    for (let i = 0; i < 20 && res.status === 503; i++) {
      await sleep(250); // the pool reconnects on its own
      res = await rawRpc(ROUND_SUBMIT, body, session, stack.port);
    }
    expect(res.status, res.text).toBe(200);
    expect(roundSubmit.response.parse(res.json)).toMatchObject({
      accepted: true,
      score: played.score,
      best: played.score,
    });
    const stats = await rawRpc(PLAYER_STATS_GET, "{}", session, stack.port);
    expect(stats.status).toBe(200);
    expect(stats.json).toMatchObject({ games_played: 1 });
  });
});
