import {
  parseRpcError,
  RaceLobby,
  raceLobbyCreate,
  raceLobbyJoin,
  raceLobbyRematch,
  raceLobbyStart,
} from "@gift-grab/contracts";
import type { Client, Session } from "@heroiclabs/nakama-js";
import { describe, expect, it } from "vitest";
import { LivePlayer } from "./live-client";
import { openSocket } from "./nakama";
import { ownStack } from "./own-stack";
import { call, player, sleep } from "./rounds-client";

// Racing a friend by code on a real Nakama over real sockets: the host makes a lobby, friends
// reserve seats with its code, the host starts, rematches. 5 s rounds, a short countdown; the
// finished race stays open while its players are in it (linger), so a rematch reaches them.
// Codes live their default 10 min here (a short one would expire under a slow race); the
// expiry has a stack of its own (race-friend-expiry.test.ts).
const DURATION_MS = 5_000;
const LINGER_MS = 500;
const stack = ownStack({
  name: "race-friend",
  runtimeEnv: {
    ROUND_DURATION_MS: String(DURATION_MS),
    LIVE_START_DELAY_MS: "300",
    LIVE_RECONNECT_GRACE_MS: "1500",
    // Shorter than a friend race stays open (RaceLobby.rematchWindowMs): the host's rematch
    // below comes after it and must still reach both players.
    LIVE_LINGER_MS: String(LINGER_MS),
    LIVE_RACE_JOIN_WAIT_MS: "5000",
    // A lobby's host away this long hands it on (30 s by default): the test waits it out.
    RACE_LOBBY_HOST_GRACE_MS: "1000",
  },
});

interface Someone {
  client: Client;
  session: Session;
}

const people = (n: number): Promise<Someone[]> =>
  Promise.all(Array.from({ length: n }, () => player(stack().port)));

async function rpc(who: Someone, id: string, body: unknown) {
  return call(stack().port, who.session, id, body);
}

async function createLobby(host: Someone, body: { seats?: number } = {}) {
  const res = await rpc(host, raceLobbyCreate.id, body);
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return raceLobbyCreate.response.parse(res.json);
}

async function join(who: Someone, code: string) {
  const res = await rpc(who, raceLobbyJoin.id, { code });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return raceLobbyJoin.response.parse(res.json);
}

/** A refusal's HTTP status and reason. */
async function refused(who: Someone, id: string, body: unknown) {
  const res = await rpc(who, id, body);
  return { status: res.status, reason: parseRpcError(res.json).reason };
}

describe("racing a friend by code", () => {
  it("a friend joins by code, the host starts, both finish; then a rematch with the same seats", async () => {
    const [host, friend] = (await people(2)) as [Someone, Someone];
    // A race shows display names (racer-names.ts): the friend has one, the host only a username.
    expect(
      await friend.client.updateAccount(friend.session, { display_name: "Racing Rudolph" }),
    ).toBe(true);
    const lobby = await createLobby(host);
    expect(lobby.code).toMatch(new RegExp(`^[${RaceLobby.alphabet}]{${RaceLobby.codeLength}}$`));
    expect(lobby.link_query).toBe(`?race=${lobby.code}`);
    expect(lobby.expires_at).toBeGreaterThan(Date.now());
    const hostPlayer = new LivePlayer(host.client, host.session, lobby.match_id);
    await hostPlayer.enter();
    // LOBBY: the host sees itself in the lobby, then the friend who reserved, then here.
    const names = [host.session.username, "Racing Rudolph"];
    expect(names.every((n) => typeof n === "string" && n.length > 0)).toBe(true);
    expect(await hostPlayer.untilLobby(() => true)).toEqual({
      maxSeats: 4,
      players: [{ name: names[0], here: true }],
      host: 0,
    });

    // Typed as a person would: lower case, a dash in the middle.
    const typed = `${lobby.code.slice(0, 5)}-${lobby.code.slice(5)}`.toLowerCase();
    const seat = await join(friend, typed);
    expect(seat).toMatchObject({ match_id: lobby.match_id, seat: 1 });
    expect(await hostPlayer.untilLobby((l) => l.players.length === 2)).toEqual({
      maxSeats: 4,
      players: [
        { name: names[0], here: true },
        { name: names[1], here: false },
      ],
      host: 0,
    });
    expect(await join(friend, lobby.code)).toMatchObject({ seat: 1 }); // asked again: the same
    const friendPlayer = new LivePlayer(friend.client, friend.session, lobby.match_id);
    await friendPlayer.enter();
    const players = [hostPlayer, friendPlayer];
    try {
      const together = {
        maxSeats: 4,
        players: [
          { name: names[0], here: true },
          { name: names[1], here: true },
        ],
        host: 0,
      };
      for (const p of players)
        expect(await p.untilLobby((l) => l.players[1]?.here === true)).toEqual(together);
      // One LOBBY a change: joined, reserved, the friend here (the repeated reservation is none).
      expect(hostPlayer.lobbies).toHaveLength(3);
      // Nobody got START in the lobby; the host's start sends it to both: two Santas, no bots
      // (the lobby's other two seats stay empty).
      expect(players.map((p) => p.starts)).toEqual([0, 0]);
      const started = await rpc(host, raceLobbyStart.id, { code: lobby.code });
      expect(started.status, JSON.stringify(started.json)).toBe(200);
      expect(raceLobbyStart.response.parse(started.json)).toEqual({
        match_id: lobby.match_id,
        seats: 2,
        bots: 0,
      });
      await Promise.all(players.map((p) => p.untilStart()));
      expect(players.map((p) => p.start?.seat)).toEqual([0, 1]);
      for (const p of players) expect(p.start?.players?.map((s) => s.bot)).toEqual([false, false]);
      // LOBBY's names are START's.
      for (const p of players) expect(p.start?.players?.map((s) => s.name)).toEqual(names);

      // Not over yet: no rematch.
      expect(await refused(friend, raceLobbyRematch.id, { code: lobby.code })).toEqual({
        status: 400,
        reason: "round_not_over",
      });
      const ends = await Promise.all(players.map((p) => p.result(DURATION_MS + 10_000)));
      expect(ends.map((e) => e.reason)).toEqual(["completed", "completed"]);

      // Past a quick race's linger: a friend race is still open, its players still in it. Any
      // of them may ask for the rematch (the friend here), and two asking at once get one.
      await sleep(LINGER_MS * 2);
      const asked = await Promise.all(
        [friend, host].map((who) => rpc(who, raceLobbyRematch.id, { code: lobby.code })),
      );
      for (const a of asked) expect(a.status, JSON.stringify(a.json)).toBe(200);
      const [rematch, same] = asked.map((a) => raceLobbyRematch.response.parse(a.json));
      expect(rematch?.match_id).not.toBe(lobby.match_id);
      expect(same?.match_id).toBe(rematch?.match_id);
      if (!rematch) throw new Error("no rematch");
      // Both still in the finished race are told where the rematch is; the code leads there too.
      while (players.some((p) => p.rematch === null)) await sleep(20);
      expect(players.map((p) => p.rematch)).toEqual([rematch.match_id, rematch.match_id]);
      expect(await join(friend, lobby.code)).toMatchObject({ match_id: rematch.match_id, seat: 1 });

      const next = [host, friend].map((w) => new LivePlayer(w.client, w.session, rematch.match_id));
      await Promise.all(next.map((p, i) => p.join(players[i]?.socket ?? undefined)));
      players.push(...next);
      expect(next.map((p) => p.start?.seat)).toEqual([0, 1]);
      for (const p of next) expect(p.start?.players?.map((s) => s.bot)).toEqual([false, false]);
      const rematchEnds = await Promise.all(next.map((p) => p.result(DURATION_MS + 10_000)));
      expect(rematchEnds.map((e) => e.reason)).toEqual(["completed", "completed"]);
    } finally {
      for (const p of players) p.close();
    }
  }, 90_000);

  it("a lobby whose host left passes to the friend waiting longest, who starts it; a player still in the finished race asks for the rematch", async () => {
    const [host, a, b] = (await people(3)) as [Someone, Someone, Someone];
    const lobby = await createLobby(host);
    const hostPlayer = new LivePlayer(host.client, host.session, lobby.match_id);
    await hostPlayer.enter();
    expect((await join(a, lobby.code)).seat).toBe(1);
    expect((await join(b, lobby.code)).seat).toBe(2);
    // b reserved after a but comes in first: b has waited longest.
    const bPlayer = new LivePlayer(b.client, b.session, lobby.match_id);
    await bPlayer.enter();
    await bPlayer.untilLobby((l) => l.players[2]?.here === true);
    const aPlayer = new LivePlayer(a.client, a.session, lobby.match_id);
    await aPlayer.enter();
    const friends = [aPlayer, bPlayer];
    const players = [hostPlayer, ...friends];
    try {
      for (const p of friends)
        await p.untilLobby((l) => l.players.every((s) => s.here) && l.players.length === 3);
      const seen = friends.map((p) => p.lobbies.length);

      // The host's socket goes (a closed tab): the friends see the host away, still host…
      hostPlayer.close();
      for (const [i, p] of friends.entries()) {
        const away = await p.untilLobby((l) => l.players[0]?.here === false, seen[i]);
        expect(away).toMatchObject({
          host: 0,
          players: [{ here: false }, { here: true }, { here: true }],
        });
      }
      // …then, past the grace, the lobby is b's: the same LOBBY to both, the seats unchanged.
      for (const [i, p] of friends.entries())
        expect(await p.untilLobby((l) => l.host !== 0, seen[i])).toEqual({
          maxSeats: 4,
          players: [
            { name: host.session.username, here: false },
            { name: a.session.username, here: true },
            { name: b.session.username, here: true },
          ],
          host: 2,
        });

      // Only b may start it now, the maker included.
      for (const who of [host, a])
        expect(await refused(who, raceLobbyStart.id, { code: lobby.code })).toEqual({
          status: 403,
          reason: "race_not_host",
        });
      const started = await rpc(b, raceLobbyStart.id, { code: lobby.code });
      expect(started.status, JSON.stringify(started.json)).toBe(200);
      // The maker's seat races too (a bot plays it once they don't come: LIVE_RACE_JOIN_WAIT_MS).
      expect(raceLobbyStart.response.parse(started.json)).toEqual({
        match_id: lobby.match_id,
        seats: 3,
        bots: 0,
      });
      await Promise.all(friends.map((p) => p.untilStart()));
      expect(friends.map((p) => p.start?.seat)).toEqual([1, 2]);
      const ends = await Promise.all(friends.map((p) => p.result(DURATION_MS + 15_000)));
      expect(ends.map((e) => e.reason)).toEqual(["completed", "completed"]);

      // The maker left the results too: a player still here asks for the rematch.
      const again = await rpc(a, raceLobbyRematch.id, { code: lobby.code });
      expect(again.status, JSON.stringify(again.json)).toBe(200);
      const rematch = raceLobbyRematch.response.parse(again.json);
      while (friends.some((p) => p.rematch === null)) await sleep(20);
      expect(friends.map((p) => p.rematch)).toEqual([rematch.match_id, rematch.match_id]);
    } finally {
      for (const p of players) p.close();
    }
  }, 90_000);

  it("refuses a player past the lobby's seats (409), a start by anyone but the host (403), an uninvited join, a code after the start (409), and a rematch from outside the race (403)", async () => {
    const [host, a, b, d, c] = (await people(5)) as [Someone, Someone, Someone, Someone, Someone];
    const lobby = await createLobby(host);
    expect((await join(a, lobby.code)).seat).toBe(1);
    expect((await join(b, lobby.code)).seat).toBe(2);
    expect((await join(d, lobby.code)).seat).toBe(3);
    // The fifth.
    expect(await refused(c, raceLobbyJoin.id, { code: lobby.code })).toEqual({
      status: 409,
      reason: "race_full",
    });
    expect(await refused(a, raceLobbyStart.id, { code: lobby.code })).toEqual({
      status: 403,
      reason: "race_not_host",
    });
    // Knowing the match id is not a seat.
    const socket = await openSocket(c.client, c.session);
    try {
      await expect(socket.joinMatch(lobby.match_id)).rejects.toMatchObject({
        message: expect.stringMatching(/no seat/),
      });
    } finally {
      socket.disconnect(false);
    }
    const started = await rpc(host, raceLobbyStart.id, { code: lobby.code, bots: true });
    expect(raceLobbyStart.response.parse(started.json)).toMatchObject({ seats: 4, bots: 0 });
    expect(await refused(host, raceLobbyStart.id, { code: lobby.code })).toEqual({
      status: 409,
      reason: "race_started",
    });
    expect(await refused(c, raceLobbyJoin.id, { code: lobby.code })).toEqual({
      status: 409,
      reason: "race_started",
    });
    // A seated player asking again still gets the seat (a reload).
    expect((await join(b, lobby.code)).seat).toBe(2);
    // Only the race's players ask for its rematch.
    expect(await refused(c, raceLobbyRematch.id, { code: lobby.code })).toEqual({
      status: 403,
      reason: "race_not_seated",
    });
  }, 30_000);

  it("fills the empty seats with bots when the host asks, and a host alone races bots", async () => {
    const [host] = (await people(1)) as [Someone];
    const lobby = await createLobby(host, { seats: 3 });
    const p = new LivePlayer(host.client, host.session, lobby.match_id);
    await p.enter();
    try {
      const started = await rpc(host, raceLobbyStart.id, { code: lobby.code, bots: true });
      expect(raceLobbyStart.response.parse(started.json)).toMatchObject({ seats: 3, bots: 2 });
      await p.untilStart();
      expect(p.start?.players?.map((s) => s.bot)).toEqual([false, true, true]);
      expect((await p.result(DURATION_MS + 10_000)).reason).toBe("completed");
      const scores = p.frames.at(-1)?.seats.map((s) => s.score) ?? [];
      expect(scores).toHaveLength(3);
    } finally {
      p.close();
    }
  }, 60_000);

  it("a player hosts one lobby at a time: making another closes the one before, whose waiting friend is told so (LOBBY_CLOSED) and whose code then says so (404)", async () => {
    const [host, friend, late] = (await people(3)) as [Someone, Someone, Someone];
    const first = await createLobby(host);
    expect((await join(friend, first.code)).seat).toBe(1);
    // The friend waits in the lobby; the host has gone on to make another.
    const waiting = new LivePlayer(friend.client, friend.session, first.match_id);
    try {
      await waiting.enter();
      await waiting.untilLobby((l) => l.players[1]?.here === true);
      const second = await createLobby(host);
      expect(second.match_id).not.toBe(first.match_id);
      // Told why, before the match ends: not left waiting for a start that can't come.
      expect(await waiting.untilLobbyClosed()).toBe("host_closed");
      expect(waiting.starts).toBe(0);
      // Closed with a friend's seat in it too: each lobby is a match running until its expiry.
      for (const who of [friend, late])
        expect(await refused(who, raceLobbyJoin.id, { code: first.code })).toEqual({
          status: 404,
          reason: "race_code_unknown",
        });
      expect(await refused(host, raceLobbyStart.id, { code: first.code })).toEqual({
        status: 404,
        reason: "race_code_unknown",
      });
      expect((await join(friend, second.code)).seat).toBe(1);
      // Its match is gone, not only refusing: a seat-holder's socket can't join it.
      const socket = await openSocket(friend.client, friend.session);
      try {
        await expect(socket.joinMatch(first.match_id)).rejects.toBeDefined();
      } finally {
        socket.disconnect(false);
      }
    } finally {
      waiting.close();
    }
  }, 30_000);
});
