import { createHash } from "node:crypto";
import { parseRpcError } from "@gift-grab/contracts";
import * as simulation from "@gift-grab/simulation";
import { ticksFor } from "@gift-grab/simulation";
import { playBot } from "@gift-grab/simulation/bot";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { roundSubmitHandler } from "../../src/rounds/round-submit";
import { fakeStorage } from "./fake-storage";

// The replay is the expensive step: count it.
vi.mock("@gift-grab/simulation", async (importOriginal) => {
  const actual = await importOriginal<typeof simulation>();
  return { ...actual, replay: vi.fn(actual.replay) };
});
const replays = vi.mocked(simulation.replay);

const USER = "00000000-0000-4000-8000-000000000001";
const TICKET = "t-1";

function setup() {
  const storage = fakeStorage();
  const hashes = { count: 0 };
  const cache = new Map<string, unknown>();
  const nk = {
    ...storage,
    // The rate limits' counts (limits/rate.ts).
    localcacheGet: (k: string) => cache.get(k) ?? null,
    localcachePut: (k: string, v: unknown) => void cache.set(k, v),
    sha256Hash: (text: string) => {
      hashes.count++;
      return createHash("sha256").update(text).digest("hex");
    },
  } as unknown as nkruntime.Nakama;
  const now = Date.now();
  const params = { seed: 7, duration_ms: 1500, orientation: "landscape" as const };
  storage.storageWrite([
    {
      collection: "round_tickets",
      key: TICKET,
      userId: USER,
      value: { ...params, started_at: now - 3000, expires_at: now + 60_000, state: "open" },
    },
  ]);
  const ctx = { userId: USER, env: {} } as unknown as nkruntime.Context;
  const logger = { info() {}, warn() {}, error() {}, debug() {} } as unknown as nkruntime.Logger;
  const submit = (body: unknown) => {
    try {
      return {
        ok: JSON.parse(roundSubmitHandler.rpc(ctx, logger, nk, JSON.stringify(body)) ?? ""),
      };
    } catch (err) {
      return { error: parseRpcError(err) };
    }
  };
  const ticket = () =>
    storage.valueOf({ collection: "round_tickets", key: TICKET, userId: USER }) as {
      state: string;
    };
  return { submit, ticket, hashes, run: playBot(params, { seed: 1 }) };
}

describe("round_submit: one expensive verification per round", () => {
  beforeEach(() => {
    replays.mockClear();
  });

  it("a replay that refuses spends the ticket; nothing after it is replayed", () => {
    const { submit, ticket, run } = setup();
    const wrong = { ticket: TICKET, score: run.score + 1, inputs: run.inputs };
    const first = submit(wrong);
    expect(first.error).toMatchObject({ reason: "score_mismatch" });
    expect(replays).toHaveBeenCalledTimes(1);
    expect(ticket().state).toBe("refused");

    expect(submit(wrong).error).toEqual(first.error);
    expect(submit({ ...wrong, score: run.score }).error).toMatchObject({ reason: "ticket_used" });
    expect(replays).toHaveBeenCalledTimes(1);
  });

  it("refusals before the replay neither hash, replay nor touch the ticket", () => {
    const { submit, ticket, hashes, run } = setup();
    const short = { ticket: TICKET, score: 0, inputs: [[ticksFor(1500) - 1, 0, 0]] };
    expect(submit(short).error).toMatchObject({ reason: "invalid_payload" });
    const unknown = { ticket: "t-2", score: run.score, inputs: run.inputs };
    expect(submit(unknown).error).toMatchObject({ reason: "ticket_unknown" });
    expect({ hashes: hashes.count, replays: replays.mock.calls.length }).toEqual({
      hashes: 0,
      replays: 0,
    });
    expect(ticket().state).toBe("open");
  });
});
