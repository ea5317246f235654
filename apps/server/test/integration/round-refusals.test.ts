import { randomUUID } from "node:crypto";
import {
  PLAYER_STATS_GET,
  ROUND_SUBMIT_LIMITS,
  roundSubmit,
  WEEKLY_LEADERBOARD_ID,
} from "@gift-grab/contracts";
import { MAX_INPUT_RUNS, ticksFor } from "@gift-grab/simulation";
import { beforeAll, describe, expect, it } from "vitest";
import { rawRpc } from "./nakama";
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

// A refusal before the replay writes nothing and leaves its ticket as it was, so those
// refusals of a finished round are all checked against one round (one wait, not one each),
// whose ticket, having survived every one of them, is then accepted. A replay that refuses
// spends its ticket: those run on rounds of other players, started alongside. The submit
// window is the default (a week), not rounds.test.ts' 2 s: the refusals take as long as a
// busy machine makes them, and the ticket is still in its window for the acceptance.
const stack = ownStack({
  name: "round-refusals",
  runtimeEnv: { ROUND_DURATION_MS: "1500", ROUND_EARLY_TOLERANCE_MS: "200" },
});
const port = () => stack().port;

type Player = Awaited<ReturnType<typeof player>>;

describe("round_submit refusals of one finished round", () => {
  let owner: Player;
  let round: StartResult;
  let mismatched: Player;
  let mismatchedRound: StartResult;
  let cheat: Player;
  let cheatRound: StartResult;
  beforeAll(async () => {
    [owner, mismatched, cheat] = await Promise.all([
      player(port()),
      player(port()),
      player(port()),
    ]);
    [round, mismatchedRound, cheatRound] = await Promise.all([
      start(port(), owner.session),
      start(port(), mismatched.session),
      start(port(), cheat.session),
    ]);
    await Promise.all([round, mismatchedRound, cheatRound].map(untilOver));
  });

  it("refuses a claimed score the replay doesn't reproduce, and spends the ticket on it", async () => {
    const { session } = mismatched;
    const body = played(mismatchedRound);
    const wrong = { ...body, score: body.score + 1 };
    const refused = await submit(port(), session, wrong);
    expect(refused.status).toBe(400);
    expect(refused.error).toMatchObject({ reason: "score_mismatch", code: 3 });
    expect(refused.error?.detail).toContain(`replay to ${body.score}`);
    // The identical submit again gets the same answer, from the ticket (not a second replay).
    const again = await submit(port(), session, wrong);
    expect(again.status).toBe(400);
    expect(again.error).toEqual(refused.error);
    // Any other claim on it, the honest one included, meets a spent ticket.
    for (const other of [body, { ...body, score: 110 }, { ...body, score: 1e9 }]) {
      const res = await submit(port(), session, other);
      expect(res.status).toBe(409);
      expect(res.error).toMatchObject({ reason: "ticket_used", code: 6 });
    }
    const list = await mismatched.client.listLeaderboardRecords(session, WEEKLY_LEADERBOARD_ID, [
      userId(session),
    ]);
    expect(list.owner_records ?? []).toHaveLength(0);
  });

  it("refuses the old cheat: wait out the round, claim 110", async () => {
    const { client, session } = cheat;
    const ticks = ticksFor(cheatRound.duration_ms);
    const claims = [
      { ticket: cheatRound.ticket, score: 110, inputs: [[ticks, 0, 0]] },
      { ticket: cheatRound.ticket, score: 110, inputs: [[ticks, 100, 0]] },
      { ticket: cheatRound.ticket, score: 110, gifts: 110, power_ups_used: 0 },
      { ticket: cheatRound.ticket, score: 110, inputs: [] },
    ];
    for (const claim of claims) {
      const res = await call(port(), session, roundSubmit.id, claim);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(["score_mismatch", "invalid_payload", "ticket_used"]).toContain(res.error?.reason);
    }
    const list = await client.listLeaderboardRecords(session, WEEKLY_LEADERBOARD_ID, [
      userId(session),
    ]);
    expect(list.owner_records ?? []).toHaveLength(0);
  });

  it("refuses a payload over the contract's limits before reading it (400, naming the limit)", async () => {
    const { session } = owner;
    const { maxChars, maxDepth } = ROUND_SUBMIT_LIMITS;
    // Arrays nested as deep as the length limit allows (the attack, within the cap).
    const levels = Math.floor((maxChars - 100) / 2);
    const deep = `{"ticket":"${round.ticket}","score":0,"inputs":${"[".repeat(levels)}${"]".repeat(levels)}}`;
    // One level too deep, else a valid submit of the round.
    const oneTooDeep = JSON.stringify({ ...idle(round), inputs: [[[ticksFor(1500), 0, 0]]] });
    const long = JSON.stringify({ ...idle(round), pad: "x".repeat(maxChars) });
    for (const [text, words] of [
      [deep, `nested deeper than ${maxDepth}`],
      [oneTooDeep, `nested deeper than ${maxDepth}`],
      [long, `longer than ${maxChars}`],
    ] as const) {
      const res = await rawRpc(roundSubmit.id, text, session, port());
      expect(res.status, res.text).toBe(400);
      expect(res.text).toContain("invalid_payload");
      expect(res.text).toContain(words);
    }
    // The largest honest shape fits, in goja too (its regexp engines differ from V8's): the
    // longest round's worth of one-tick runs is read, and only then refused for this round.
    const longest = JSON.stringify({
      ...idle(round),
      inputs: Array.from({ length: MAX_INPUT_RUNS }, () => [1, -100, -100]),
    });
    expect(longest.length).toBeGreaterThan(maxChars - 600);
    const read = await rawRpc(roundSubmit.id, longest, session, port());
    expect(read.status, read.text).toBe(400);
    expect(read.text).toContain(`inputs: the ticks add up to ${MAX_INPUT_RUNS}, the round has 90`);
    // Over Nakama's own request size (infra/nakama/local.yml): refused before the module runs.
    const huge = `{"inputs":${"[".repeat(124_000)}${"]".repeat(124_000)}}`;
    const res = await rawRpc(roundSubmit.id, huge, session, port());
    expect(res.status).toBe(400);
    expect(res.text).toContain("request body too large");
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

  it("accepts the ticket every refusal before a replay left untouched, and only then writes", async () => {
    const body = played(round);
    const ok = await submit(port(), owner.session, body);
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ accepted: true, score: body.score, best: body.score });
    const stats = await call(port(), owner.session, PLAYER_STATS_GET, {});
    expect(stats.json).toMatchObject({ games_played: 1, best: body.score });
  });
});
