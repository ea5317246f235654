import { randomUUID } from "node:crypto";
import {
  decodeInput,
  encodeInput,
  type FrameMessage,
  LiveOp,
  leaderboardView,
  RaceMatchmaker,
  raceGet,
  raceWithBots,
  unrollInputs,
  VERSUS_LEADERBOARD_ID,
  weeklyResetBefore,
} from "@gift-grab/contracts";
import { replayRace } from "@gift-grab/simulation";
import type { Client, Session, Socket } from "@heroiclabs/nakama-js";
import { describe, expect, it } from "vitest";
import { LivePlayer, type LivePlayOptions } from "./live-client";
import { openSocket } from "./nakama";
import { ownStack } from "./own-stack";
import { call, player, userId } from "./rounds-client";

// Races on a real Nakama over real sockets, found through its matchmaker. The stack plays
// 5 s rounds with a short countdown and grace, and runs the matchmaker every second (as
// local.yml does: a casual game can't wait Nakama's default 15 s) so no test sits out time it
// does not need. Each test searches in a room of its own (a ticket property), so its tickets
// match only each other's.
const DURATION_MS = 5_000;
const stack = ownStack({
  name: "race",
  config: { matchmaker: { interval_sec: 1, max_intervals: 2 } },
  runtimeEnv: {
    ROUND_DURATION_MS: String(DURATION_MS),
    LIVE_START_DELAY_MS: "300",
    LIVE_RECONNECT_GRACE_MS: "1500",
    LIVE_LINGER_MS: "1000",
    // Far above a matched player's join (sign-in is done before the search), so only the
    // no-show test waits it out.
    LIVE_RACE_JOIN_WAIT_MS: "5000",
  },
});

interface Searcher {
  client: Client;
  session: Session;
  socket: Socket;
  matched: Promise<string>;
}

/** Players who add race tickets in one room and wait for the matchmaker's match id. */
async function search(
  count: number,
  counts: { min: number; max: number } = {
    min: RaceMatchmaker.minCount,
    max: RaceMatchmaker.maxCount,
  },
) {
  const room = randomUUID();
  const port = stack().port;
  const searchers: Searcher[] = [];
  for (let i = 0; i < count; i++) {
    const { client, session } = await player(port);
    const socket = await openSocket(client, session);
    const matched = new Promise<string>((resolve) => {
      socket.onmatchmakermatched = (m) => resolve(m.match_id ?? `token:${m.token}`);
    });
    searchers.push({ client, session, socket, matched });
  }
  for (const s of searchers)
    await s.socket.addMatchmaker(
      `${RaceMatchmaker.query} +properties.room:${room}`,
      counts.min,
      counts.max,
      { mode: RaceMatchmaker.mode, room },
    );
  const ids = await Promise.all(searchers.map((s) => s.matched));
  return { searchers, ids };
}

async function race(searchers: Searcher[], matchId: string, options: LivePlayOptions[] = []) {
  const players = searchers.map(
    (s, i) => new LivePlayer(s.client, s.session, matchId, options[i] ?? {}),
  );
  await Promise.all(players.map((p, i) => p.join(searchers[i]?.socket)));
  return players;
}

/** The stored race (race_get): it replays to the scores every seat was told. */
async function stored(session: Session, matchId: string) {
  const res = await call(stack().port, session, raceGet.id, { match_id: matchId });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  const race = raceGet.response.parse(res.json);
  // Played under rules version 2, and stored so: Watch replays it so.
  expect(race.rules_version).toBe(2);
  const again = replayRace(
    race,
    race.santas.length,
    race.santas.map((s) => s.inputs),
  );
  expect(again.santas.map((s) => s.score)).toEqual(race.santas.map((s) => s.score));
  return race;
}

/**
 * This week's versus record of each player, by user id; null for none. A week that rolled
 * over since `since` (Monday 00:00 UTC) has an empty board: then the caller learns so.
 */
async function versus(searchers: { client: Client; session: Session }[], since: number) {
  const [first] = searchers;
  if (!first) throw new Error("nobody");
  const ids = searchers.map((s) => userId(s.session));
  const list = await first.client.listLeaderboardRecords(first.session, VERSUS_LEADERBOARD_ID, ids);
  const rolledOver = weeklyResetBefore(Date.now()) > since;
  const records = new Map(
    ids.map((id) => [id, list.owner_records?.find((r) => r.owner_id === id) ?? null]),
  );
  return { records, rolledOver };
}

/** Where each seat's Santa was in every frame a player saw. */
const positions = (frames: FrameMessage[], seat: number) =>
  frames.map((f) => `${f.seats[seat]?.x},${f.seats[seat]?.y}`);

describe("a race through the matchmaker", () => {
  it("matches two players into one race; both race and finish with the same standings", async () => {
    const { searchers, ids } = await search(2);
    expect(ids[0]).not.toMatch(/^token:/);
    expect(ids[1]).toBe(ids[0]);
    const players = await race(searchers, ids[0] as string);
    try {
      const seats = players.map((p) => p.start?.seat).sort();
      expect(seats).toEqual([0, 1]);
      for (const p of players) {
        expect(p.start?.seats).toBe(2);
        expect(p.start?.state.santas).toHaveLength(2);
        expect(p.start?.players?.map((s) => s.bot)).toEqual([false, false]);
      }
      const ends = await Promise.all(players.map((p) => p.result(DURATION_MS + 10_000)));
      // Each END is the seat's own, and the last FRAME both saw has every seat's score.
      const last = players.map((p) => p.frames.at(-1));
      expect(last[0]?.seats.map((s) => s.score)).toEqual(last[1]?.seats.map((s) => s.score));
      players.forEach((p, i) => {
        expect(ends[i]?.reason).toBe("completed");
        expect(ends[i]?.score).toBe(last[i]?.seats[p.start?.seat ?? 0]?.score);
      });
      expect((ends[0]?.score ?? 0) + (ends[1]?.score ?? 0)).toBeGreaterThan(0);

      // The stored race replays to these scores; the versus board gives the one ahead a point.
      const race = await stored(searchers[0]?.session as Session, ids[0] as string);
      players.forEach((p, i) => {
        const santa = race.santas[p.start?.seat ?? -1];
        expect(santa).toMatchObject({ user_id: userId(p.session), bot: false });
        expect(santa?.score).toBe(ends[i]?.score);
      });
      const since = Date.now();
      const { records, rolledOver } = await versus(searchers, since - 10_000);
      players.forEach((p, i) => {
        const other = ends[1 - i]?.score ?? 0;
        const points = (ends[i]?.score ?? 0) > other ? 1 : 0;
        expect(ends[i]?.best).toBe(points);
        expect(ends[i]?.newBest).toBe(points > 0);
        if (!rolledOver) expect(Number(records.get(userId(p.session))?.score)).toBe(points);
      });
      // leaderboard_view shows the versus board to each player: their points, their gifts.
      for (const [i, p] of players.entries()) {
        const res = await call(stack().port, p.session, leaderboardView.id, {
          board: "versus",
          around_me: true,
        });
        const view = leaderboardView.response.parse(res.json);
        if (rolledOver) continue;
        expect(view.me).toMatchObject({ score: ends[i]?.best, gifts: ends[i]?.gifts, is_me: true });
        expect(view.records.find((r) => r.is_me)).toEqual(view.me);
      }
    } finally {
      for (const p of players) p.close();
    }
  }, 60_000);

  it("matches four players; a stranger can't join their race", async () => {
    const { searchers, ids } = await search(4, { min: 4, max: 4 });
    expect(new Set(ids).size).toBe(1);
    const matchId = ids[0] as string;
    const players = await race(searchers, matchId);
    try {
      expect(players.map((p) => p.start?.seat).sort()).toEqual([0, 1, 2, 3]);
      const stranger = await player(stack().port);
      const socket = await openSocket(stranger.client, stranger.session);
      await expect(socket.joinMatch(matchId)).rejects.toMatchObject({
        message: expect.stringMatching(/no seat/),
      });
      socket.disconnect(false);
      const ends = await Promise.all(players.map((p) => p.result(DURATION_MS + 10_000)));
      expect(ends.every((e) => e.reason === "completed")).toBe(true);
      const scores = players[0]?.frames.at(-1)?.seats.map((s) => s.score) ?? [];
      expect(scores).toHaveLength(4);
      players.forEach((p, i) => {
        expect(ends[i]?.score).toBe(scores[p.start?.seat ?? -1]);
      });
    } finally {
      for (const p of players) p.close();
    }
  }, 60_000);

  it("ignores a player's input for another seat", async () => {
    const { searchers, ids } = await search(2);
    const matchId = ids[0] as string;
    // The first player also sends, for the other seat, inputs that would move it; the other
    // player sends nothing: its Santa must stand where it started all race.
    const otherSeat = (data: Uint8Array) => {
      const honest = decodeInput(data);
      if (!honest) throw new Error("undecodable input");
      return new Uint8Array(
        encodeInput({
          ...honest,
          seat: 1 - honest.seat,
          inputs: honest.inputs.map(() => [100, 100]),
        }),
      );
    };
    const players = await race(searchers, matchId, [
      {
        tamper: (_tick, honest) => [
          { op: LiveOp.INPUT, data: honest },
          { op: LiveOp.INPUT, data: otherSeat(honest) },
        ],
      },
      { passive: true },
    ]);
    try {
      const [hostile, still] = players;
      await Promise.all(players.map((p) => p.result(DURATION_MS + 10_000)));
      const seat = still?.start?.seat ?? -1;
      const start = still?.start?.state.santas[seat];
      const seen = positions(hostile?.frames ?? [], seat);
      expect(seen.length).toBeGreaterThan(10);
      expect(new Set(seen)).toEqual(new Set([`${start?.x},${start?.y}`]));
      // The hostile player's own Santa moved.
      const own = positions(hostile?.frames ?? [], hostile?.start?.seat ?? -1);
      expect(new Set(own).size).toBeGreaterThan(3);
    } finally {
      for (const p of players) p.close();
    }
  }, 60_000);

  it("lets a bot take over a player who left mid-race, and the race goes on", async () => {
    const { searchers, ids } = await search(2);
    const players = await race(searchers, ids[0] as string, [{}, { passive: true }]);
    const [stays, leaves] = players;
    try {
      if (!stays || !leaves) throw new Error("two players");
      const seat = leaves.start?.seat ?? -1;
      // The leaver's Santa stood still while it was there (it sent nothing); it leaves as the
      // first frame comes; past the grace the server's bot plays its seat.
      while (stays.frames.length === 0) await new Promise((r) => setTimeout(r, 20));
      leaves.close();
      const end = await stays.result(DURATION_MS + 10_000);
      expect(end.reason).toBe("completed");
      // It sent nothing, so every input its seat was played with that moves is the bot's. (Not
      // its Santa's positions: ice often freezes a Santa standing still, for 3 s of the 5.)
      const played = stays.frames.flatMap((f) => unrollInputs(f.inputs?.[seat] ?? []));
      expect(played.filter(([dx, dy]) => dx !== 0 || dy !== 0).length).toBeGreaterThan(60);
      expect(leaves.end).toBeNull();
    } finally {
      for (const p of players) p.close();
    }
  }, 60_000);
});

describe("a race's tickets and seats", () => {
  it("refuses a ticket that is not a race (no mode, another query, counts past 2–4)", async () => {
    const { client, session } = await player(stack().port);
    const socket = await openSocket(client, session);
    try {
      const props = { mode: RaceMatchmaker.mode };
      const bad: [string, number, number, Record<string, string>][] = [
        [RaceMatchmaker.query, 2, 4, {}],
        ["*", 2, 4, props],
        [RaceMatchmaker.query, 2, 8, props],
        [RaceMatchmaker.query, 3, 2, props],
      ];
      for (const [query, min, max, properties] of bad)
        await expect(socket.addMatchmaker(query, min, max, properties)).rejects.toMatchObject({
          message: expect.stringMatching(/^invalid_payload: matchmaker add: /),
        });
      // The socket stays, and a race ticket is taken.
      const ticket = await socket.addMatchmaker(RaceMatchmaker.query, 2, 4, props);
      expect(ticket.ticket).toBeTruthy();
      await socket.removeMatchmaker(ticket.ticket);
    } finally {
      socket.disconnect(false);
    }
  }, 30_000);

  it("begins without a matched player who doesn't come: a bot takes the seat", async () => {
    const { searchers, ids } = await search(2);
    const [comes, stays] = searchers;
    if (!comes || !stays) throw new Error("two searchers");
    stays.socket.disconnect(false);
    const p = new LivePlayer(comes.client, comes.session, ids[0] as string);
    await p.join(comes.socket);
    try {
      expect(p.start?.players?.filter((s) => s.bot)).toHaveLength(1);
      expect(p.start?.players?.[p.start.seat]?.bot).toBe(false);
      expect((await p.result(DURATION_MS + 10_000)).reason).toBe("completed");
    } finally {
      p.close();
    }
  }, 60_000);

  it("gives a player who dropped the seat back within the grace; both finish", async () => {
    const { searchers, ids } = await search(2);
    const players = await race(searchers, ids[0] as string);
    const [stays, drops] = players;
    try {
      if (!stays || !drops) throw new Error("two players");
      while (stays.frames.length < 3) await new Promise((r) => setTimeout(r, 20));
      drops.drop();
      await drops.join();
      expect(drops.starts).toBe(2);
      expect(drops.start?.players?.map((s) => s.bot)).toEqual([false, false]);
      const ends = await Promise.all(players.map((p) => p.result(DURATION_MS + 10_000)));
      expect(ends.map((e) => e.reason)).toEqual(["completed", "completed"]);
    } finally {
      for (const p of players) p.close();
    }
  }, 60_000);
});

describe("a race with bots", () => {
  it("seats the caller with three server bots, shown as bots, who race for real", async () => {
    const { client, session } = await player(stack().port);
    const res = await call(stack().port, session, raceWithBots.id, {});
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const { match_id, duration_ms } = raceWithBots.response.parse(res.json);
    expect(duration_ms).toBe(DURATION_MS);
    const p = new LivePlayer(client, session, match_id);
    await p.join();
    try {
      expect(p.start?.seat).toBe(0);
      expect(p.start?.players?.map((s) => s.bot)).toEqual([false, true, true, true]);
      // Named as reindeer (the game marks the seat a bot by START's flag).
      expect(p.start?.players?.[1]?.name).toMatch(/^(Dasher|Comet|Blitzen|Vixen)$/);
      const end = await p.result(DURATION_MS + 10_000);
      expect(end.reason).toBe("completed");
      const scores = p.frames.at(-1)?.seats.map((s) => s.score) ?? [];
      expect(scores[0]).toBe(end.score);
      // Each bot plays: its Santa goes places (a score would depend on the seed's luck: in a
      // 5 s race three bots caught nothing once).
      for (const seat of [1, 2, 3]) {
        const places = new Set(p.frames.map((f) => `${f.seats[seat]?.x},${f.seats[seat]?.y}`));
        expect(places.size, `bot ${seat}'s places`).toBeGreaterThan(10);
      }
      // Stored with every Santa; a race against bots is practice: no versus record.
      const race = await stored(session, match_id);
      expect(race.santas.map((s) => s.bot)).toEqual([false, true, true, true]);
      // With the names the race showed, for Watch to show them again.
      expect(race.santas.map((s) => s.name)).toEqual(p.start?.players?.map((s) => s.name));
      expect(end.best).toBe(0);
      const { records } = await versus([{ client, session }], Date.now());
      expect(records.get(userId(session))).toBeNull();
    } finally {
      p.close();
    }
  }, 60_000);
});
