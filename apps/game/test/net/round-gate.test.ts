import { GameRules } from "@gift-grab/simulation";
import { describe, expect, it, vi } from "vitest";
import { LiveRoundFailure } from "../../src/net/live/live-round-failure";
import { liveJoinFailedMessage, unreachableMessage } from "../../src/net/messages";
import { RoundGate } from "../../src/net/rounds/round-gate";
import { RpcFailure } from "../../src/net/rpc-client";
import type { RoundTicket } from "../../src/net/types";

/** A live round's ticket; `left` counts the seat being left. */
function live(id: string) {
  const match = { matchId: id, left: 0, leave() {} };
  match.leave = () => {
    match.left += 1;
  };
  const ticket = {
    kind: "live",
    match,
    start: {},
    arrived: { receivedAt: 0, oneWayMs: 0 },
    durationMs: 30_000,
    orientation: "portrait",
  } as unknown as RoundTicket;
  return { ticket, match };
}

describe("the round gate", () => {
  it("hands the prepared round to the round screen once, then asks the server again", async () => {
    const a = live("a");
    const b = live("b");
    const start = vi.fn().mockResolvedValueOnce(a.ticket).mockResolvedValueOnce(b.ticket);
    const gate = new RoundGate(start);
    expect(await gate.prepare("portrait")).toEqual({ saved: true });
    expect(await gate.take("portrait")).toBe(a.ticket);
    expect(await gate.take("portrait")).toBe(b.ticket);
    expect(start).toHaveBeenCalledTimes(2);
    expect(a.match.left).toBe(0);
  });

  it("turns a refusal into a practice round that says why, before it starts", async () => {
    const gate = new RoundGate(() =>
      Promise.reject(new RpcFailure("live_round_create", "rate_limited", 8, "retry in 12 s")),
    );
    const check = await gate.prepare("landscape");
    expect(check).toEqual({ saved: false, message: expect.any(String) });
    if (check.saved) return;
    expect(check.message).toContain("Try again in 12 s.");
    expect(check.message).toContain("practice");
    const round = await gate.take("landscape");
    expect(round).toMatchObject({
      kind: "practice",
      why: check.message,
      orientation: "landscape",
      durationMs: GameRules.roundDurationMs,
    });
  });

  it("says the server can't be reached when no answer came, or the match can't be joined", async () => {
    const gate = new RoundGate(() =>
      Promise.reject(new RpcFailure("live_round_create", "network", 0, "Failed to fetch")),
    );
    const check = await gate.prepare("landscape");
    expect(check.saved ? "" : check.message.startsWith(unreachableMessage)).toBe(true);
    const joinless = new RoundGate(() => Promise.reject(new LiveRoundFailure("refused")));
    const refused = await joinless.prepare("landscape");
    expect(refused.saved ? "" : refused.message.startsWith(liveJoinFailedMessage)).toBe(true);
  });

  it("leaves the seat of a prepared round the player walked away from", async () => {
    const a = live("a");
    const c = live("c");
    const start = vi.fn().mockResolvedValueOnce(a.ticket).mockResolvedValue(c.ticket);
    const gate = new RoundGate(start);
    expect((await gate.prepare("portrait")).saved).toBe(true);
    gate.forget();
    expect(a.match.left).toBe(1);
    expect(await gate.take("portrait")).toBe(c.ticket);
  });
});
