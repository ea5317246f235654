import { RACE_GET } from "@gift-grab/contracts";
import { describe, expect, it } from "vitest";
import { messageForReason, reasonMessages } from "../../src/net/messages";
import { RpcFailure } from "../../src/net/rpc-client";

describe("messageForReason", () => {
  it("says when to retry a rate-limited call, in words about rounds when rounds were limited", () => {
    expect(
      messageForReason(
        "rate_limited",
        "live_round_create: at most 10 rounds a minute; retry in 42 s",
      ),
    ).toBe("You've started a lot of rounds in the last minute. Try again in 42 s.");
    expect(
      messageForReason(
        "rate_limited",
        "leaderboard_view: at most 120 reads a minute; retry in 3 s",
      ),
    ).toBe("That's a lot of requests in a short time. Try again in 3 s.");
  });

  it("says a refusal in one RPC's own words where its reason means something narrower", () => {
    // race_get's replay_unknown is a race nobody kept, not a run gone from the board.
    expect(messageForReason("replay_unknown", "", RACE_GET)).toBe(
      "The server has no record of this race, so it can't be watched.",
    );
    expect(new RpcFailure(RACE_GET, "replay_unknown", 5, "").message).toBe(
      messageForReason("replay_unknown", "", RACE_GET),
    );
    expect(new RpcFailure("replay_get", "replay_unknown", 5, "").message).toBe(
      reasonMessages.replay_unknown,
    );
  });

  it("falls back on the reason's own words without a retry time", () => {
    expect(messageForReason("rate_limited", "")).toBe(reasonMessages.rate_limited);
    expect(messageForReason("replay_unknown")).toBe(reasonMessages.replay_unknown);
  });
});
