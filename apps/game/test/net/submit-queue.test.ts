import type { RpcRequest, RpcResponse, roundSubmit } from "@gift-grab/contracts";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Backoff } from "../../src/net/backoff";
import { reasonMessages } from "../../src/net/messages";
import { SubmitQueue } from "../../src/net/rounds/submit-queue";
import { RpcFailure } from "../../src/net/rpc-client";
import { StorageKeys } from "../../src/net/storage-keys";
import { MemoryStorage } from "./fakes";

type Req = RpcRequest<typeof roundSubmit>;
type Res = RpcResponse<typeof roundSubmit>;

/** round_submit as the server does it: identical retries return the first answer. */
function fakeServer() {
  const recorded = new Map<string, Res>();
  let mode: "up" | "down" | "refuse" = "up";
  const calls: Req[] = [];
  return {
    recorded,
    calls,
    set(m: typeof mode) {
      mode = m;
    },
    send: async (req: Req): Promise<Res> => {
      calls.push(req);
      if (mode === "down") throw new RpcFailure("round_submit", "network", 0, "Failed to fetch");
      if (mode === "refuse")
        throw new RpcFailure("round_submit", "score_mismatch", 3, "replays to 2");
      const res = recorded.get(req.ticket) ?? {
        accepted: true,
        score: req.score,
        best: req.score,
        rank: 1,
        new_best: true,
      };
      recorded.set(req.ticket, res);
      return res;
    },
  };
}

const req = (ticket: string, score = 7): Req => ({
  ticket,
  score,
  inputs: [[1800, 100, 0]],
});

describe("the submit queue", () => {
  let storage: MemoryStorage;
  let server: ReturnType<typeof fakeServer>;
  const make = (userId: string | null = "u1") =>
    new SubmitQueue({
      storage,
      send: server.send,
      userId: () => userId,
      backoff: new Backoff({ baseMs: 1000, maxMs: 4000, jitter: 0 }),
    });

  beforeEach(() => {
    vi.useFakeTimers();
    storage = new MemoryStorage();
    server = fakeServer();
  });
  afterEach(() => vi.useRealTimers());

  it("returns the server's answer and keeps nothing when the submit lands", async () => {
    const q = make();
    expect(await q.submit("u1", req("t1"))).toEqual({
      status: "accepted",
      score: 7,
      best: 7,
      rank: 1,
      newBest: true,
    });
    expect(q.pending()).toBe(0);
    expect(storage.getItem(StorageKeys.pendingSubmissions)).toBeNull();
  });

  it("queues on a network failure, retries with backoff and emits `submitted` once it lands", async () => {
    const q = make();
    const submitted = vi.fn();
    q.events.on("submitted", submitted);
    server.set("down");
    expect(await q.submit("u1", req("t1"))).toEqual({ status: "queued" });
    expect(q.pending()).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.calls).toHaveLength(2);
    server.set("up");
    await vi.advanceTimersByTimeAsync(2000);
    expect(submitted).toHaveBeenCalledWith(
      expect.objectContaining({ status: "accepted", score: 7 }),
    );
    expect(q.pending()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.calls).toHaveLength(3);
    expect(server.recorded.size).toBe(1);
  });

  it("keeps retrying through an outage of six days (no age limit) and lands the score when it ends", async () => {
    const DAY = 86_400_000;
    const q = new SubmitQueue({
      storage,
      send: server.send,
      userId: () => "u1",
      backoff: new Backoff({ baseMs: 1000, maxMs: 3_600_000, jitter: 0 }),
    });
    const submitted = vi.fn();
    q.events.on("submitted", submitted);
    server.set("down");
    expect(await q.submit("u1", req("t1", 28))).toEqual({ status: "queued" });
    for (let day = 1; day <= 6; day++) {
      await vi.advanceTimersByTimeAsync(DAY);
      expect(q.pending()).toBe(1);
    }
    expect(server.calls.length).toBeGreaterThan(100);
    expect(submitted).not.toHaveBeenCalled();
    server.set("up");
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(submitted).toHaveBeenCalledWith(
      expect.objectContaining({ status: "accepted", score: 28 }),
    );
    expect(q.pending()).toBe(0);
  });

  it("keeps a queued submission across a reload (a new queue on the same storage sends it)", async () => {
    server.set("down");
    await make().submit("u1", req("t1", 12));
    server.set("up");
    const afterReload = make();
    expect(afterReload.pending()).toBe(1);
    const submitted = vi.fn();
    afterReload.events.on("submitted", submitted);
    await afterReload.flush();
    expect(submitted).toHaveBeenCalledWith(
      expect.objectContaining({ status: "accepted", score: 12 }),
    );
    expect(afterReload.pending()).toBe(0);
  });

  it("a typed refusal ends the retries with its message", async () => {
    const q = make();
    server.set("down");
    await q.submit("u1", req("t1"));
    server.set("refuse");
    const submitted = vi.fn();
    q.events.on("submitted", submitted);
    await vi.advanceTimersByTimeAsync(1000);
    expect(submitted).toHaveBeenCalledWith({
      status: "rejected",
      message: reasonMessages.score_mismatch,
    });
    expect(q.pending()).toBe(0);
    const calls = server.calls.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.calls).toHaveLength(calls);
  });

  it("a refusal on the first try is returned as rejected, not queued", async () => {
    server.set("refuse");
    expect(await make().submit("u1", req("t1"))).toEqual({
      status: "rejected",
      message: reasonMessages.score_mismatch,
    });
  });

  it("sends only the signed-in player's submissions", async () => {
    server.set("down");
    await make("u1").submit("u1", req("t1"));
    server.set("up");
    const other = make("u2");
    await other.flush();
    expect(other.pending()).toBe(0);
    expect(other.pending("u1")).toBe(1);
    expect(server.recorded.size).toBe(0);
  });
});
