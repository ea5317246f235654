import { execFileSync } from "node:child_process";
import { weeklyResetAfter, weeklyResetBefore } from "@gift-grab/contracts";
import { describe, expect, it } from "vitest";
import { ownStack } from "./own-stack";
import { idle, player, start, submit, userId } from "./rounds-client";

// The default submit window (a week, cut at the weekly reset): a score queued offline is
// saved however long the outage lasted, as long as it arrives in the week it was played.
const stack = ownStack({ name: "late-submit", runtimeEnv: { ROUND_DURATION_MS: "1500" } });
const port = () => stack().port;

function sql(query: string): string {
  return execFileSync(
    "psql",
    [`postgresql://${stack().databaseAddress}`, "-v", "ON_ERROR_STOP=1", "-tA", "-c", query],
    { encoding: "utf8" },
  ).trim();
}

describe("a submission queued offline", () => {
  it("is saved when it arrives days later in the same week", async () => {
    const { session } = await player(port());
    const round = await start(port(), session);
    const where = `collection = 'round_tickets' AND key = '${round.ticket}' AND user_id = '${userId(session)}'`;
    const expiresAt = Number(sql(`SELECT value->>'expires_at' FROM storage WHERE ${where}`));
    expect(expiresAt).toBe(weeklyResetAfter(round.started_at + round.duration_ms));

    // Played as long ago as this week allows (up to six days and 23 hours, never later than
    // it really started): the server can't travel in time, so the start moves back in Postgres.
    const longAgo = Math.min(
      round.started_at,
      Math.max(
        weeklyResetBefore(round.started_at),
        round.started_at - 6 * 86_400_000 - 23 * 3_600_000,
      ),
    );
    sql(`UPDATE storage SET value = jsonb_set(value, '{started_at}', '${longAgo}') WHERE ${where}`);

    const res = await submit(port(), session, idle(round));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ accepted: true, score: 0 });
  });
});
