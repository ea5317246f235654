import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SessionEndedError, SessionStore } from "../../src/net/session/session-store";
import type { Tokens } from "../../src/net/session/tokens";
import { StorageKeys } from "../../src/net/storage-keys";
import { decodeJwt, MemoryStorage, pair, refusal } from "./fakes";

/**
 * A fake of the refresh endpoint that behaves like the server's rotation: each refresh token
 * works once; a second use is refused (and would revoke the sign-in on the real server).
 */
function rotatingServer() {
  const used = new Set<string>();
  const calls: string[] = [];
  let offline = false;
  let gate: Promise<void> | null = null;
  return {
    calls,
    used,
    setOffline(v: boolean) {
      offline = v;
    },
    hold() {
      let release = () => {};
      gate = new Promise((r) => {
        release = r;
      });
      return () => {
        gate = null;
        release();
      };
    },
    refresh: async (refreshToken: string): Promise<Tokens> => {
      calls.push(refreshToken);
      if (gate) await gate;
      if (offline) throw new TypeError("Failed to fetch");
      if (used.has(refreshToken)) throw refusal(401);
      if (decodeJwt(refreshToken).exp * 1000 <= Date.now()) throw refusal(401);
      used.add(refreshToken);
      return pair(900, 3600);
    },
  };
}

function makeStore(storage: Storage, server: ReturnType<typeof rotatingServer>) {
  return new SessionStore({ storage, decode: decodeJwt, refresh: server.refresh });
}

describe("the session store", () => {
  let storage: MemoryStorage;
  let server: ReturnType<typeof rotatingServer>;

  beforeEach(() => {
    vi.useFakeTimers({ now: new Date("2026-12-24T10:00:00Z") });
    storage = new MemoryStorage();
    server = rotatingServer();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("restores nothing when nobody signed in", async () => {
    expect(await makeStore(storage, server).restore()).toBe("none");
  });

  it("restores a saved token that is still valid, without a refresh", async () => {
    const saved = pair(600);
    makeStore(storage, server).set(saved);
    const store = makeStore(storage, server);
    expect(await store.restore()).toBe("restored");
    expect(store.current).toEqual(saved);
    expect(server.calls).toEqual([]);
  });

  it("refreshes an expired token when its refresh token is alive, and saves the new pair", async () => {
    const saved = pair(60, 3600);
    makeStore(storage, server).set(saved);
    vi.setSystemTime(Date.now() + 120_000);
    const store = makeStore(storage, server);
    expect(await store.restore()).toBe("restored");
    expect(server.calls).toEqual([saved.refreshToken]);
    expect(store.current?.token).not.toBe(saved.token);
    expect(JSON.parse(storage.getItem(StorageKeys.session) ?? "null")).toEqual(store.current);
  });

  it('says "ended" and forgets the pair when the refresh token has expired too', async () => {
    makeStore(storage, server).set(pair(60, 120));
    vi.setSystemTime(Date.now() + 600_000);
    const store = makeStore(storage, server);
    expect(await store.restore()).toBe("ended");
    expect(server.calls).toEqual([]);
    expect(storage.getItem(StorageKeys.session)).toBeNull();
  });

  it('says "ended" when the server refuses the refresh token (revoked or already used)', async () => {
    const saved = pair(60, 3600);
    server.used.add(saved.refreshToken);
    makeStore(storage, server).set(saved);
    vi.setSystemTime(Date.now() + 120_000);
    const store = makeStore(storage, server);
    const ended = vi.fn();
    store.events.on("ended", ended);
    expect(await store.restore()).toBe("ended");
    expect(ended).toHaveBeenCalledOnce();
    expect(store.current).toBeNull();
    expect(storage.getItem(StorageKeys.session)).toBeNull();
  });

  it("keeps the pair when the refresh gets no answer, and retries with backoff", async () => {
    makeStore(storage, server).set(pair(60, 3600));
    vi.setSystemTime(Date.now() + 120_000);
    server.setOffline(true);
    const store = makeStore(storage, server);
    expect(await store.restore()).toBe("restored");
    expect(server.calls).toHaveLength(1);
    server.setOffline(false);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.calls).toHaveLength(2);
    expect(decodeJwt(store.current?.token ?? "").exp * 1000).toBeGreaterThan(Date.now());
  });

  it("refreshes on its own before the token expires, and keeps doing so", async () => {
    const store = makeStore(storage, server);
    const changed = vi.fn();
    store.events.on("changed", changed);
    store.set(pair(900));
    await vi.advanceTimersByTimeAsync(839_000);
    expect(server.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(server.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(900_000);
    expect(server.calls).toHaveLength(2);
    // Each refresh used the newest refresh token: never one twice.
    expect(new Set(server.calls).size).toBe(2);
    expect(changed).toHaveBeenCalledTimes(3);
  });

  it("shares one in-flight refresh between concurrent callers", async () => {
    const store = makeStore(storage, server);
    store.set(pair(5));
    const release = server.hold();
    const all = Promise.all([store.fresh(), store.refresh(), store.fresh(), store.refresh()]);
    release();
    const results = await all;
    expect(server.calls).toHaveLength(1);
    expect(new Set(results.map((t) => t.token)).size).toBe(1);
    // Once it landed, a fresh token needs no further refresh.
    await store.fresh();
    expect(server.calls).toHaveLength(1);
  });

  it("adopts a pair another tab already renewed instead of reusing the old refresh token", async () => {
    const tabA = makeStore(storage, server);
    const tabB = makeStore(storage, server);
    tabA.set(pair(60));
    expect(await tabB.restore()).toBe("restored");
    await tabA.refresh(); // tab A renews: the refresh token tab B holds is now dead
    const renewed = tabA.current;
    expect(await tabB.refresh()).toEqual(renewed);
    expect(server.calls).toHaveLength(1);
  });

  it("a refresh that lost a race to another tab (409 refresh_superseded) adopts that tab's pair", async () => {
    const renewed = pair(900);
    const store = new SessionStore({
      storage,
      decode: decodeJwt,
      refresh: async () => {
        // The other tab's refresh with the same token won, and its pair reached storage.
        storage.setItem(StorageKeys.session, JSON.stringify(renewed));
        throw refusal(409);
      },
    });
    const ended = vi.fn();
    store.events.on("ended", ended);
    store.set(pair(5));
    expect(await store.refresh()).toEqual(renewed);
    expect(store.current).toEqual(renewed);
    expect(ended).not.toHaveBeenCalled();
  });

  it("a 409 with no other tab's pair keeps the sign-in and retries later (the server decides)", async () => {
    const calls: string[] = [];
    const store = new SessionStore({
      storage,
      decode: decodeJwt,
      refresh: async (refreshToken) => {
        calls.push(refreshToken);
        if (calls.length === 1) throw refusal(409);
        return pair(900);
      },
    });
    const ended = vi.fn();
    store.events.on("ended", ended);
    const mine = pair(5);
    store.set(mine);
    await expect(store.refresh()).rejects.toMatchObject({ status: 409 });
    expect(ended).not.toHaveBeenCalled();
    expect(storage.getItem(StorageKeys.session)).toBe(JSON.stringify(mine));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toEqual([mine.refreshToken, mine.refreshToken]);
    expect(decodeJwt(store.current?.token ?? "").exp * 1000).toBeGreaterThan(Date.now() + 60_000);
  });

  it("follows other tabs: adopts the same player's renewed pair, ends on a sign-out or another player", async () => {
    let deliver: (raw: string | null) => void = () => {};
    const store = new SessionStore({
      storage,
      decode: decodeJwt,
      refresh: server.refresh,
      onOtherTabWrite: (listener) => {
        deliver = listener;
        return () => {};
      },
    });
    const cleared = vi.fn();
    store.events.on("clearedElsewhere", cleared);
    store.set(pair(600));
    const renewed = pair(900);
    deliver(JSON.stringify(renewed));
    expect(store.current).toEqual(renewed);
    expect(cleared).not.toHaveBeenCalled();

    deliver(JSON.stringify(pair(900, 3600, "someone-else")));
    expect(store.current).toBeNull();
    expect(cleared).toHaveBeenCalledOnce();

    store.set(pair(600));
    deliver(null);
    expect(store.current).toBeNull();
    expect(cleared).toHaveBeenCalledTimes(2);
    expect(server.calls).toEqual([]);
  });

  it("fails fresh() with SessionEndedError when signed out", async () => {
    await expect(makeStore(storage, server).fresh()).rejects.toBeInstanceOf(SessionEndedError);
  });
});
