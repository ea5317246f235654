import { GameRules } from "@gift-grab/simulation";
import { describe, expect, it, vi } from "vitest";
import { unreachableMessage } from "../../src/net/messages";
import { RoundGate } from "../../src/net/rounds/round-gate";
import { RpcFailure } from "../../src/net/rpc-client";
import type { RoundTicket } from "../../src/net/types";

const ticket = (id: string): RoundTicket => ({
  ticket: id,
  durationMs: 30_000,
  seed: 5,
  orientation: "portrait",
  startedAt: new Date(0),
});

describe("the round gate", () => {
  it("hands the prepared round to the round screen once, then asks the server again", async () => {
    const start = vi.fn().mockResolvedValueOnce(ticket("a")).mockResolvedValueOnce(ticket("b"));
    const gate = new RoundGate(start);
    expect(await gate.prepare("portrait")).toEqual({ saved: true });
    expect(await gate.take("portrait")).toEqual(ticket("a"));
    expect(await gate.take("portrait")).toEqual(ticket("b"));
    expect(start).toHaveBeenCalledTimes(2);
  });

  it("turns a refusal into a practice round that says why, before it starts", async () => {
    const gate = new RoundGate(() =>
      Promise.reject(new RpcFailure("round_start", "rate_limited", 8, "retry in 12 s")),
    );
    const check = await gate.prepare("landscape");
    expect(check).toEqual({ saved: false, message: expect.any(String) });
    if (check.saved) return;
    expect(check.message).toContain("Try again in 12 s.");
    expect(check.message).toContain("practice");
    const round = await gate.take("landscape");
    expect(round).toMatchObject({
      ticket: "",
      practice: check.message,
      orientation: "landscape",
      durationMs: GameRules.roundDurationMs,
    });
  });

  it("says the server can't be reached when no answer came", async () => {
    const gate = new RoundGate(() =>
      Promise.reject(new RpcFailure("round_start", "network", 0, "Failed to fetch")),
    );
    const check = await gate.prepare("landscape");
    expect(check.saved ? "" : check.message.startsWith(unreachableMessage)).toBe(true);
  });

  it("forgets a prepared round the player walked away from", async () => {
    const start = vi.fn().mockRejectedValueOnce(new Error("down")).mockResolvedValue(ticket("c"));
    const gate = new RoundGate(start);
    expect((await gate.prepare("portrait")).saved).toBe(false);
    gate.forget();
    expect(await gate.take("portrait")).toEqual(ticket("c"));
  });
});
