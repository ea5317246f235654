import { LIVE_ROUND_MATCH, RaceMatchmaker, raceWithBots } from "@gift-grab/contracts";
import { defineHandler } from "../../runtime/handle-rpc";
import { liveConfig } from "./config";
import type { LiveRoundParams, RaceSeats } from "./match";
import { racerName, racerNames } from "./racer-names";
import { spendRoundStart } from "./start-spend";

/**
 * Races are live rounds with 2–4 seats (match.ts seatUsers, round.ts). Two ways in:
 * - the matchmaker: tickets with RaceMatchmaker's property and counts; raceMatched makes the
 *   match with a seat reserved for each matched user (nobody else can join: matchJoinAttempt);
 * - race_with_bots: a player the matchmaker found nobody for races the server's bots.
 * The field is landscape in a race (players' screens differ; a tall screen shows it turned).
 */
export function raceParams(
  users: RaceSeats["users"],
  seats: number,
  rematch = false,
): LiveRoundParams {
  const race: RaceSeats = { users, seats };
  return {
    race: JSON.stringify(race),
    ...(rematch ? { rematch: true } : {}),
    orientation: "landscape",
    seed: Math.floor(Math.random() * 0x1_0000_0000),
  };
}

/**
 * Nakama's matchmaker found a set of tickets (registerMatchmakerMatched): a race of them,
 * one seat per user (a user matched twice gets one seat; the other is a bot). Tickets that
 * are not races, or more than a race holds, get no match: Nakama then hands out a token for
 * a relayed match, which the api policy closes (docs/realtime.md).
 */
export const raceMatched: nkruntime.MatchmakerMatchedFunction = (_ctx, logger, nk, matches) => {
  const count = matches.length;
  const races = matches.every((m) => m.properties?.mode === RaceMatchmaker.mode);
  if (!races || count < RaceMatchmaker.minCount || count > RaceMatchmaker.maxCount) {
    logger.warn("matchmaker: %d tickets that are not a race: no match made", count);
    return undefined;
  }
  const users: RaceSeats["users"] = [];
  const names = racerNames(
    nk,
    matches.map((m) => m.presence.userId),
  );
  for (const m of matches)
    if (!users.some((u) => u.user_id === m.presence.userId))
      users.push({
        user_id: m.presence.userId,
        username: m.presence.username,
        name: names.get(m.presence.userId) || m.presence.username,
      });
  return nk.matchCreate(LIVE_ROUND_MATCH, raceParams(users, count));
};

export const raceWithBotsHandler = defineHandler(raceWithBots, {
  run(input, { userId, ctx, logger, nk }) {
    spendRoundStart(nk, logger, ctx, userId, "race_with_bots");
    const params = raceParams(
      [
        {
          user_id: userId,
          username: ctx.username ?? "",
          name: racerName(nk, userId, ctx.username ?? ""),
        },
      ],
      input.seats ?? RaceMatchmaker.maxCount,
    );
    params.orientation = input.orientation ?? "landscape";
    const matchId = nk.matchCreate(LIVE_ROUND_MATCH, params);
    return { match_id: matchId, duration_ms: liveConfig(ctx.env).durationMs };
  },
});
