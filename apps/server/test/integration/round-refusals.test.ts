import { randomUUID } from "node:crypto";
import { PLAYER_STATS_GET, roundSubmit, WEEKLY_LEADERBOARD_ID } from "@gift-grab/contracts";
import { ticksFor } from "@gift-grab/simulation";
import { beforeAll, describe, expect, it } from "vitest";
import { ownStack } from "./own-stack";
import {
  call,
  idle,
  played,
  player,
  type StartResult,
  start,
  submit,
  untilOver,
  userId,
} from "./rounds-client";

// A refused submit writes nothing and leaves its ticket as it was, so the refusals of a
// finished round are all checked against one round (one wait, not one each), whose ticket,
// having survived every one of them, is then accepted. The submit window is the default (a
// week), not rounds.test.ts' 2 s: the refusals take as long as a busy machine makes them,
// and the ticket is still in its window for the acceptance.
const stack = ownStack({
  name: "round-refusals",
  runtimeEnv: { ROUND_DURATION_MS: "1500", ROUND_EARLY_TOLERANCE_MS: "200" },
});
const port = () => stack().port;

describe("round_submit refusals of one finished round", () => {
  let owner: Awaited<ReturnType<typeof player>>;
  let round: StartResult;
  beforeAll(async () => {
    owner = await player(port());
    round = await start(port(), owner.session);
    await untilOver(round);
  });

  it("refuses a claimed score the replay doesn't reproduce (score_mismatch, 3)", async () => {
    const body = played(round);
    for (const score of [body.score + 1, 110, 1e9]) {
      const res = await submit(port(), owner.session, { ...body, score });
      expect(res.status).toBe(400);
      expect(res.error).toMatchObject({ reason: "score_mismatch", code: 3 });
      expect(res.error?.detail).toContain(`replay to ${body.score}`);
    }
  });

  it("refuses the old cheat: wait out the round, claim 110", async () => {
    const { client, session } = owner;
    const ticks = ticksFor(round.duration_ms);
    const claims = [
      { ticket: round.ticket, score: 110, inputs: [[ticks, 0, 0]] },
      { ticket: round.ticket, score: 110, inputs: [[ticks, 100, 0]] },
      { ticket: round.ticket, score: 110, gifts: 110, power_ups_used: 0 },
      { ticket: round.ticket, score: 110, inputs: [] },
    ];
    for (const claim of claims) {
      const res = await call(port(), session, roundSubmit.id, claim);
      expect(res.status).toBe(400);
      expect(["score_mismatch", "invalid_payload"]).toContain(res.error?.reason);
    }
    const list = await client.listLeaderboardRecords(session, WEEKLY_LEADERBOARD_ID, [
      userId(session),
    ]);
    expect(list.owner_records ?? []).toHaveLength(0);
  });

  it.each([
    ["a negative score", { score: -1 }, "score"],
    ["a fractional score", { score: 2.5 }, "score"],
    ["a string score", { score: "5" }, "score"],
    ["no inputs", { inputs: undefined }, "inputs"],
    ["inputs that are not a list", { inputs: { 0: [90, 0, 0] } }, "inputs"],
    [
      "a run of 0 ticks",
      {
        inputs: [
          [0, 0, 0],
          [90, 0, 0],
        ],
      },
      "inputs.0.0",
    ],
    [
      "a fractional run",
      {
        inputs: [
          [89.5, 0, 0],
          [0.5, 0, 0],
        ],
      },
      "inputs.0.0",
    ],
    ["dx above 100", { inputs: [[90, 101, 0]] }, "inputs.0.1"],
    [
      "dy below -100",
      {
        inputs: [
          [45, 0, 0],
          [45, 0, -101],
        ],
      },
      "inputs.1.2",
    ],
    ["a fractional dx", { inputs: [[90, 0.5, 0]] }, "inputs.0.1"],
    ["a string dy", { inputs: [[90, 0, "1"]] }, "inputs.0.2"],
    ["a run of two numbers", { inputs: [[90, 0]] }, "inputs.0"],
    ["a run of four numbers", { inputs: [[90, 0, 0, 0]] }, "inputs.0"],
    ["ticks one short", { inputs: [[89, 0, 0]] }, "inputs"],
    [
      "ticks one over",
      {
        inputs: [
          [45, 0, 0],
          [46, 1, 1],
        ],
      },
      "inputs",
    ],
    ["the old gifts field", { gifts: 0 }, "gifts"],
  ])("refuses %s with invalid_payload (3) naming the field", async (_n, patch, field) => {
    expect(ticksFor(round.duration_ms)).toBe(90);
    const res = await call(port(), owner.session, roundSubmit.id, { ...idle(round), ...patch });
    expect(res.status).toBe(400);
    expect(res.error).toMatchObject({ reason: "invalid_payload", code: 3 });
    expect(res.error?.detail).toContain(field);
  });

  it("refuses unknown and foreign tickets with ticket_unknown (5, HTTP 404)", async () => {
    const bob = await player(port());
    const foreign = await submit(port(), bob.session, idle(round));
    expect(foreign.status).toBe(404);
    expect(foreign.error).toMatchObject({ reason: "ticket_unknown", code: 5 });
    const unknown = await submit(port(), bob.session, { ...idle(round), ticket: randomUUID() });
    expect(unknown.status).toBe(404);
    expect(unknown.error).toMatchObject({ reason: "ticket_unknown", code: 5 });
    const junk = await submit(port(), bob.session, { ...idle(round), ticket: "../../etc/passwd" });
    expect(junk.error).toMatchObject({ reason: "ticket_unknown", code: 5 });
  });

  it("accepts the ticket every refusal above left untouched, and only then writes", async () => {
    const body = played(round);
    const ok = await submit(port(), owner.session, body);
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ accepted: true, score: body.score, best: body.score });
    const stats = await call(port(), owner.session, PLAYER_STATS_GET, {});
    expect(stats.json).toMatchObject({ games_played: 1, best: body.score });
  });
});
