import { GameRules, InputRuns, Orientation, RulesVersionSchema } from "@gift-grab/simulation";
import * as z from "zod/mini";
import { lazySchema } from "./lazy-schema";
import { LiveRunFigures } from "./leaderboard";
import { SessionEndedReason } from "./session";

/**
 * What the server keeps in Nakama storage: one schema per collection it owns (the registry
 * is apps/server/src/runtime/owned-storage.ts; player_stats' schema is PlayerStats, also
 * the player_stats_get response). The server parses every value it reads back with its
 * schema and treats a row that does not parse as corrupt: nothing read back is trusted.
 *
 * Unknown fields are dropped, not refused (z.object), so a row written by a newer version
 * of the module still reads after a rollback.
 */

const EpochMs = lazySchema(() => z.int().check(z.nonnegative()));
/**
 * A time the module itself wrote: not before 2025. A row claiming a start decades ago (the
 * pre-hooks forgery of a ticket with a huge duration) does not parse.
 */
const WrittenAtMs = lazySchema(() => z.int().check(z.minimum(Date.UTC(2025, 0, 1))));
const UnixSeconds = lazySchema(() => z.int().check(z.nonnegative()));

/**
 * A kept run's fields (built at each call): the round's params, its inputs and what the
 * server's replay scored; as stored (ReplayRecord) and as replay_get serves it.
 */
export function replayFields() {
  return {
    seed: z.int().check(z.nonnegative(), z.maximum(0xffff_ffff)),
    duration_ms: z.int().check(z.positive(), z.maximum(GameRules.maxRoundDurationMs)),
    orientation: Orientation,
    /** The rules it was played under; absent in a run stored before version 2: 1. */
    rules_version: z.optional(RulesVersionSchema),
    inputs: InputRuns,
    score: z.int().check(z.nonnegative()),
    gifts: z.int().check(z.nonnegative()),
    power_ups_used: z.int().check(z.nonnegative()),
  };
}

/**
 * round_replays, key "weekly_best", readable by anyone through replay_get: the replay of a
 * player's weekly best (replayFields).
 */
export const ReplayRecord = lazySchema(() =>
  z.object({
    ...replayFields(),
    /** When the round ended (its match wrote it). */
    played_at: WrittenAtMs,
  }),
);
export type ReplayRecord = z.infer<typeof ReplayRecord>;

/**
 * race_replays, key = the match id, owned by the system user: a finished race, as the server
 * played it (replayRace(params, santas.length, santas' inputs) ends on every Santa's score).
 * race_get serves it to watch.
 */
export const RaceRecord = lazySchema(() =>
  z.object({
    seed: z.int().check(z.nonnegative(), z.maximum(0xffff_ffff)),
    duration_ms: z.int().check(z.positive(), z.maximum(GameRules.maxRoundDurationMs)),
    orientation: Orientation,
    /** The rules it was played under; absent in a race stored before version 2: 1. */
    rules_version: z.optional(RulesVersionSchema),
    /** By seat. */
    santas: z
      .array(
        z.object({
          /** "" for a bot's seat. */
          user_id: z.string(),
          username: z.string(),
          /** The name the race showed over the Santa (a display name); absent in older records. */
          name: z.optional(z.string()),
          /** A bot played the seat (all race, or from when its player left for good). */
          bot: z.boolean(),
          inputs: InputRuns,
          score: z.int().check(z.nonnegative()),
          gifts: z.int().check(z.nonnegative()),
          power_ups_used: z.int().check(z.nonnegative()),
        }),
      )
      .check(z.minLength(2), z.maxLength(4)),
    ended: z.enum(["completed", "abandoned", "failed"]),
    played_at: WrittenAtMs,
  }),
);
export type RaceRecord = z.infer<typeof RaceRecord>;

/**
 * race_lobbies, key = the lobby's code (system-owned): which match a friend's code leads to,
 * whose it is, until when, and once started the seats a rematch reuses (who may start it is
 * the lobby's match's to say: lobby.ts).
 */
export const RaceLobbyRecord = lazySchema(() =>
  z.object({
    match_id: z.string().check(z.minLength(1)),
    /**
     * Who made the lobby; once started, who started it (the maker, or the player the lobby was
     * handed to when the maker left); after a rematch, the player who asked for it.
     */
    host: z.string().check(z.minLength(1)),
    expires_at: EpochMs,
    /** Set when the host started the race: the users by seat and the seat count (bots after them). */
    race: z.optional(
      z.object({
        users: z.array(
          z.object({ user_id: z.string(), username: z.string(), name: z.optional(z.string()) }),
        ),
        seats: z.int().check(z.gte(2), z.lte(4)),
      }),
    ),
  }),
);
export type RaceLobbyRecord = z.infer<typeof RaceLobbyRecord>;

/**
 * round_limits, key "starts": when the player's recent rounds were opened (live_round_create
 * and the race RPCs). A row from before the live path also lists tickets: dropped on read.
 */
export const StartLimitsRecord = lazySchema(() =>
  z.object({
    starts: z.array(EpochMs),
    /**
     * The match id of the last friend-race lobby the player made: a player hosts one lobby at a
     * time, and making another closes it (rounds/live/lobby-create.ts).
     */
    lobby: z.optional(z.string().check(z.maxLength(128))),
  }),
);
export type StartLimitsRecord = z.infer<typeof StartLimitsRecord>;

/**
 * One sign-in, a row of the module's login table (apps/server/src/sessions/login-table.ts), key
 * = user id and login id (`lid` var); never the raw token.
 */
export const LoginRecord = lazySchema(() =>
  z.object({
    /** Token id shared by the login's session and refresh tokens. */
    tid: z.string().check(z.minLength(1)),
    /** The current refresh generation: a refresh token with another rid is a reused one. */
    rid: z.string().check(z.minLength(1)),
    /** The generation before `rid`, and when it was rotated (ms): two refreshes racing (refresh.ts). */
    prev_rid: z.optional(z.string().check(z.minLength(1))),
    rotated_ms: z.optional(EpochMs),
    /** Sign-in time, unix seconds. */
    login_at: UnixSeconds,
    /** No token of this login lives past this (refresh expiry), unix seconds. */
    exp: UnixSeconds,
    /** When the sign-in was recorded, ms: orders two sign-ins of the same second. */
    signed_in_ms: z.optional(EpochMs),
    client: z.optional(z.string()),
    email: z.optional(z.string()),
    revoked_at: z.optional(UnixSeconds),
    revoked_reason: z.optional(SessionEndedReason),
  }),
);
export type LoginRecord = z.infer<typeof LoginRecord>;

/**
 * signup_email_claims, key = SHA-256 of the lowercased email, owned by the system user: one
 * sign-up (or "save progress" link) at a time per email (apps/server/src/accounts/email-claims.ts).
 */
export const EmailClaimRecord = lazySchema(() => z.object({ claimed_ms: EpochMs }));
export type EmailClaimRecord = z.infer<typeof EmailClaimRecord>;

/**
 * A held run's id, its storage key: when it was played (epoch ms, 13 digits: keys sort as
 * times until the year 2286) and its match's UUID (a match id without its node).
 */
export const HeldRunId = lazySchema(() =>
  z
    .string()
    .check(z.regex(/^\d{13}_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)),
);

/**
 * A held run's fields (built at each call), as stored (HeldRunRecord) and as review_list
 * shows it to a moderator.
 */
export function heldRunFields() {
  return {
    user_id: z.string().check(z.minLength(1)),
    /** The username the run was played under (an approval writes the current one). */
    username: z.string(),
    /** Never 0: a run that caught nothing goes on no board, so nothing is held. */
    score: z.int().check(z.positive()),
    gifts: z.int().check(z.nonnegative()),
    power_ups_used: z.int().check(z.nonnegative()),
    client: z.string(),
    /** Why it was held: its figures against the bounds (docs/realtime.md "Plausibility"). */
    live: LiveRunFigures,
  };
}

export function heldRunId(playedAt: number, matchId: string): string {
  return `${String(playedAt).padStart(13, "0")}_${matchId.split(".")[0]}`;
}

/**
 * held_runs, owned by the system user, key `<played_at, 13 digits>_<match uuid>` (so a
 * listing goes oldest first; HELD_RUN_ID): a live run outside human bounds, kept off the
 * weekly board until a moderator decides (review_list, review_decide). It holds what the
 * board and replay_get would have been given, so an approval writes exactly that.
 */
export const HeldRunRecord = lazySchema(() =>
  z.object({
    ...heldRunFields(),
    /** Its replay, kept when it was over the player's weekly best when held. */
    replay: z.optional(ReplayRecord),
    played_at: WrittenAtMs,
    /**
     * The weekly reset that ends the week it was played in (weeklyResetAfter(played_at)): from
     * then on it can't go on that week's board, and an approval puts it on no board.
     */
    week_ends_at: EpochMs,
  }),
);
export type HeldRunRecord = z.infer<typeof HeldRunRecord>;
