import { RaceMatchmaker, WEEKLY_LEADERBOARD_ID } from "@gift-grab/contracts";
import { afterEach, describe, expect, it } from "vitest";
import { guest, openSocket, untilRegistered } from "./nakama";

// docs/security.md "Every client API": what the game doesn't use is closed with a typed 403
// (`api_closed`), over HTTP and over the socket; what it uses, and what a later feature needs
// (matchmaker, authoritative matches), stays open.

const sockets: { disconnect(fire: boolean): void }[] = [];
afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect(false);
});

/** The HTTP refusal nakama-js throws (the fetch Response) as status and message. */
async function httpRefusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    const res = e as Response;
    const body = (await res.json()) as { code: number; message: string };
    return { status: res.status, ...body };
  }
  throw new Error("expected the call to be refused");
}

/** The error envelope a socket call rejects with. */
async function socketRefusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return e as { code: number; message: string };
  }
  throw new Error("expected the message to be refused");
}

async function player() {
  const g = await guest();
  const socket = await openSocket(g.client, g.session);
  sockets.push(socket);
  return { ...g, socket };
}

describe("closed over HTTP: 403 api_closed, with words", () => {
  it("friend add (a request to a stranger would persist as their notification)", async () => {
    const a = await guest();
    const b = await guest();
    const res = await httpRefusal(a.client.addFriends(a.session, [b.session.user_id ?? ""]));
    expect(res).toMatchObject({ status: 403, code: 7 });
    expect(res.message).toMatch(/^api_closed: friend add: this game has no friends list/);
  });

  it("subscriptions and Facebook Instant purchases (no store; hooked though nakama-common's types lack them)", async () => {
    const a = await guest();
    for (const call of [
      () => a.client.getSubscription(a.session, "gold"),
      () => a.client.listSubscriptions(a.session),
      () => a.client.validatePurchaseFacebookInstant(a.session, "signed.request"),
    ]) {
      const res = await httpRefusal(call());
      expect(res).toMatchObject({ status: 403, code: 7 });
      expect(res.message).toMatch(/^api_closed: (subscription|purchase): this game sells nothing/);
    }
  });

  it("group create", async () => {
    const a = await guest();
    const res = await httpRefusal(a.client.createGroup(a.session, { name: "spam", open: true }));
    expect(res).toMatchObject({ status: 403, code: 7 });
    expect(res.message).toMatch(/^api_closed: group create/);
  });

  it("a client's leaderboard write (scores come from live rounds only)", async () => {
    const a = await guest();
    const res = await httpRefusal(
      a.client.writeLeaderboardRecord(a.session, WEEKLY_LEADERBOARD_ID, { score: "1" }),
    );
    expect(res).toMatchObject({ status: 403, code: 7 });
    expect(res.message).toMatch(/^api_closed: leaderboard write/);
  });

  it("a public storage object; a private one is still written", async () => {
    const a = await guest();
    const object = { collection: "notes", key: "k", value: { a: 1 } };
    const res = await httpRefusal(
      a.client.writeStorageObjects(a.session, [{ ...object, permission_read: 2 }]),
    );
    expect(res).toMatchObject({ status: 403, code: 7 });
    expect(res.message).toMatch(/^api_closed: storage write: this game keeps no public objects/);
    const acks = await a.client.writeStorageObjects(a.session, [{ ...object, permission_read: 1 }]);
    expect(acks.acks).toHaveLength(1);
  });
});

describe("closed over the socket: an error envelope with api_closed, the socket stays", () => {
  it("a DM to a stranger", async () => {
    const a = await player();
    const b = await guest();
    const err = await socketRefusal(a.socket.joinChat(b.session.user_id ?? "", 2, false, false));
    expect(err.message).toMatch(/^api_closed: channel join: this game has no chat/);
    // Still open for what the game uses.
    await untilRegistered(a.socket);
  });

  it("a room chat", async () => {
    const a = await player();
    const err = await socketRefusal(a.socket.joinChat("lobby", 1, false, false));
    expect(err.message).toMatch(/^api_closed: channel join/);
  });

  it("status follow (a status carries the followed player's session id)", async () => {
    const a = await player();
    const b = await player();
    const err = await socketRefusal(a.socket.followUsers([b.session.user_id ?? ""]));
    expect(err.message).toMatch(/^api_closed: status follow/);
  });

  it("a client-created (relayed) match and a party", async () => {
    const a = await player();
    expect((await socketRefusal(a.socket.createMatch())).message).toMatch(
      /^api_closed: match create: matches are created by the server/,
    );
    expect((await socketRefusal(a.socket.createParty(true, 4))).message).toMatch(
      /^api_closed: party/,
    );
  });
});

describe("open: what the game and its next features use", () => {
  it("the matchmaker (issue 26) adds and removes a race ticket (race.test.ts: only races)", async () => {
    const a = await player();
    const ticket = await a.socket.addMatchmaker(RaceMatchmaker.query, 2, 4, {
      mode: RaceMatchmaker.mode,
    });
    expect(ticket.ticket).toBeTruthy();
    await a.socket.removeMatchmaker(ticket.ticket);
  });

  it("joining a match that does not exist gets Nakama's own answer, not api_closed", async () => {
    const a = await player();
    const err = await socketRefusal(
      a.socket.joinMatch("00000000-0000-4000-8000-000000000000.nakama"),
    );
    expect(err.message).not.toMatch(/api_closed/);
  });

  it("the friends list reads (empty) and the account reads and updates", async () => {
    const a = await guest();
    expect((await a.client.listFriends(a.session)).friends ?? []).toEqual([]);
    expect((await a.client.getAccount(a.session)).user?.id).toBe(a.session.user_id);
    expect(await a.client.updateAccount(a.session, { display_name: "Open" })).toBe(true);
  });
});
