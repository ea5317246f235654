import { randomUUID } from "node:crypto";
import { LEADERBOARD_VIEW, leaderboardView, REPLAY_GET, replayGet } from "@gift-grab/contracts";
import { replay } from "@gift-grab/simulation";
import type { Session } from "@heroiclabs/nakama-js";
import { describe, expect, it } from "vitest";
import { Owned } from "../../src/runtime/owned-storage";
import { playLiveRound, scoringLiveRound } from "./live-client";
import { rawRpc } from "./nakama";
import { ownStack } from "./own-stack";
import { call, player, userId } from "./rounds-client";

// Records reach the board only from live rounds: 3 s rounds after a short countdown.
const DURATION_MS = 3_000;
const stack = ownStack({
  name: "replays",
  runtimeEnv: {
    ROUND_DURATION_MS: String(DURATION_MS),
    LIVE_START_DELAY_MS: "300",
    LIVE_LINGER_MS: "1000",
  },
});
const port = () => stack().port;

async function watch(viewer: Session, ownerId: string) {
  return call(port(), viewer, REPLAY_GET, { owner_id: ownerId });
}

const scoring = (who: Awaited<ReturnType<typeof player>>) => scoringLiveRound(port(), who);

describe.concurrent("replay_get", () => {
  it("serves any player's weekly best: params and inputs that replay to the board's score", async () => {
    const alice = await player(port());
    const bob = await player(port());
    const end = await scoring(alice);

    const res = await watch(bob.session, userId(alice.session));
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const run = replayGet.response.parse(res.json);
    expect(run).toMatchObject({
      owner_id: userId(alice.session),
      username: alice.session.username,
      duration_ms: DURATION_MS,
      // Played under rules version 2 (what live rounds play), and said so: Watch replays it so.
      rules_version: 2,
      score: end.score,
      gifts: end.gifts,
    });
    const again = replay(run, run.inputs);
    expect(again.score).toBe(end.score);
    expect({ gifts: run.gifts, power_ups_used: run.power_ups_used }).toEqual({
      gifts: again.gifts,
      power_ups_used: again.power_ups_used,
    });

    // A worse round later (Santa steering away from every gift) keeps the best's replay.
    const worse = await playLiveRound(port(), alice, { stopAt: 0 });
    expect(worse).toMatchObject({ reason: "completed", score: 0, newBest: false });
    expect((await watch(bob.session, userId(alice.session))).json).toEqual(res.json);
  });

  it("shows a renamed player's new name, on the board and in the replay", async () => {
    const carol = await player(port());
    const viewer = await player(port());
    await scoring(carol);
    const renamed = `carol_${randomUUID().slice(0, 8)}`;
    await carol.client.updateAccount(carol.session, { username: renamed });

    const run = replayGet.response.parse((await watch(viewer.session, userId(carol.session))).json);
    expect(run.username).toBe(renamed);
    const view = await call(port(), carol.session, LEADERBOARD_VIEW, { around_me: true });
    const { me, records } = leaderboardView.response.parse(view.json);
    expect(me).toMatchObject({ username: renamed, display_name: renamed });
    expect(records.find((r) => r.owner_id === userId(carol.session))?.username).toBe(renamed);
  });

  it("answers replay_unknown (404) for a player with no score this week, and for no player", async () => {
    const alice = await player(port());
    const newcomer = await player(port());
    for (const id of [userId(newcomer.session), randomUUID()]) {
      const res = await watch(alice.session, id);
      expect(res.status).toBe(404);
      expect(res.error).toMatchObject({ reason: "replay_unknown", code: 5 });
    }
  });

  it("refuses a malformed owner_id with 400 naming the field, and a caller without a user with 401", async () => {
    const { session } = await player(port());
    for (const body of [{ owner_id: "../x" }, {}, { owner_id: randomUUID(), extra: 1 }]) {
      const res = await call(port(), session, REPLAY_GET, body);
      expect(res.status).toBe(400);
      expect(res.error?.reason).toBe("invalid_payload");
    }
    const bad = await call(port(), session, REPLAY_GET, { owner_id: "nope" });
    expect(bad.error?.detail).toContain("owner_id");
    const anon = await rawRpc(
      REPLAY_GET,
      JSON.stringify({ owner_id: randomUUID() }),
      {
        httpKey: stack().httpKey,
      },
      port(),
    );
    expect(anon.status).toBe(401);
  });

  it("keeps replays out of the client's reach: not readable, not overwritable", async () => {
    const alice = await player(port());
    await scoring(alice);
    const read = await alice.client.readStorageObjects(alice.session, {
      object_ids: [
        {
          collection: Owned.roundReplays.collection,
          key: "weekly_best",
          user_id: userId(alice.session),
        },
      ],
    });
    expect(read.objects).toHaveLength(0);
    await expect(
      alice.client.writeStorageObjects(alice.session, [
        { collection: Owned.roundReplays.collection, key: "weekly_best", value: { score: 999 } },
      ]),
    ).rejects.toBeDefined();
    const served = replayGet.response.parse(
      (await watch(alice.session, userId(alice.session))).json,
    );
    expect(replay(served, served.inputs).score).toBe(served.score);
  });
});
