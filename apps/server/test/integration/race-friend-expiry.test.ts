import {
  parseRpcError,
  raceLobbyCreate,
  raceLobbyJoin,
  raceLobbyStart,
} from "@gift-grab/contracts";
import { describe, expect, it } from "vitest";
import { LivePlayer } from "./live-client";
import { openSocket } from "./nakama";
import { ownStack } from "./own-stack";
import { call, player, sleep } from "./rounds-client";

// A race code's expiry, on a stack whose codes live 3 s (race-friend.test.ts races on codes
// that live their default 10 min): the test waits out those seconds and no more. The host must
// be in the lobby before it expires: at 1 s a loaded machine's join came too late ("Match not
// found"), so the socket is open before the lobby is made and the code lives 3 s.
const TTL_MS = 3_000;
const stack = ownStack({
  name: "race-friend-expiry",
  runtimeEnv: { RACE_LOBBY_TTL_MS: String(TTL_MS) },
});

type Someone = Awaited<ReturnType<typeof player>>;

async function refused(who: Someone, id: string, body: unknown) {
  const res = await call(stack().port, who.session, id, body);
  return { status: res.status, reason: parseRpcError(res.json).reason };
}

async function createLobby(host: Someone) {
  const res = await call(stack().port, host.session, raceLobbyCreate.id, {});
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return raceLobbyCreate.response.parse(res.json);
}

describe("a race code's expiry", () => {
  it("refuses a code nobody made (404); at its expiry a lobby tells who waits in it why it closed, and its code is refused (404)", async () => {
    const [host, friend] = await Promise.all([player(stack().port), player(stack().port)]);
    for (const code of ["ZZZZZ-ZZZZZ", "not a code", "0000000000"])
      expect(await refused(friend, raceLobbyJoin.id, { code })).toEqual({
        status: 404,
        reason: "race_code_unknown",
      });
    const socket = await openSocket(host.client, host.session);
    const lobby = await createLobby(host);
    // The host waits in the lobby: at the expiry it is told so (LOBBY_CLOSED), not left there.
    const waiting = new LivePlayer(host.client, host.session, lobby.match_id);
    try {
      await waiting.enter(socket);
      expect(await waiting.untilLobbyClosed()).toBe("expired");
    } finally {
      waiting.close();
    }
    // The expiry is the point of this test: wait it out, no longer.
    await sleep(Math.max(0, lobby.expires_at - Date.now()) + 100);
    expect(await refused(friend, raceLobbyJoin.id, { code: lobby.code })).toEqual({
      status: 404,
      reason: "race_code_unknown",
    });
    expect(await refused(host, raceLobbyStart.id, { code: lobby.code })).toEqual({
      status: 404,
      reason: "race_code_unknown",
    });
  }, 30_000);
});
