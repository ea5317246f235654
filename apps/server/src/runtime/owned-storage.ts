import {
  EmailClaimRecord,
  HeldRunRecord,
  PLAYER_STATS_COLLECTION,
  PlayerStats,
  RaceLobbyRecord,
  RaceRecord,
  ReplayRecord,
  StartLimitsRecord,
} from "@gift-grab/contracts";
import type * as z from "zod/mini";

/**
 * A storage collection the module owns. Only the server writes it: clients' writes and
 * deletes naming it are refused (storage-guard.ts), and every value read back is parsed
 * with `schema` (storage.ts, the only code that touches storage).
 */
export interface OwnedCollection<S extends z.ZodMiniType = z.ZodMiniType> {
  readonly collection: string;
  /** The contract every value must parse with (packages/contracts/src/stored.ts). */
  readonly schema: S;
  /** 0: no client reads it; 1: its owner may read it with Nakama's storage API. */
  readonly permissionRead: 0 | 1;
  /** Always 0: no client writes it (the before hooks refuse it anyway). */
  readonly permissionWrite: 0;
  /** Why the server, not the client, keeps it. */
  readonly why: string;
}

function owned<S extends z.ZodMiniType>(entry: OwnedCollection<S>): OwnedCollection<S> {
  return entry;
}

/**
 * Every collection the module owns. A feature that keeps something adds it here: the
 * storage helpers take only these entries, and a unit test fails on any storage call or
 * storage SQL elsewhere (test/unit/owned-storage.test.ts).
 *
 * Collections clients may write: none. The game keeps nothing in Nakama storage itself (its
 * saves are localStorage). Login records are not storage at all: they live in the module's
 * own tables (sessions/login-table.ts), which no client API of Nakama reaches. Any collection not listed here stays writable by clients as on
 * plain Nakama, for a template's own client-side saves.
 */
export const Owned = {
  roundLimits: owned({
    collection: "round_limits",
    schema: StartLimitsRecord,
    permissionRead: 0,
    permissionWrite: 0,
    why: "the rounds a player opened in the last minute (each costs a VM): a client would reset its own",
  }),
  roundReplays: owned({
    collection: "round_replays",
    schema: ReplayRecord,
    permissionRead: 0,
    permissionWrite: 0,
    why: "the inputs of each player's weekly best, replayed by the server: replay_get serves them",
  }),
  raceReplays: owned({
    collection: "race_replays",
    schema: RaceRecord,
    permissionRead: 0,
    permissionWrite: 0,
    why: "each finished race as the server played it (system-owned, key: match id): race_get serves it",
  }),
  raceLobbies: owned({
    collection: "race_lobbies",
    schema: RaceLobbyRecord,
    permissionRead: 0,
    permissionWrite: 0,
    why: "a friend race's code (system-owned, key: the code): its match, host and expiry; a client would point a code at any match",
  }),
  heldRuns: owned({
    collection: "held_runs",
    schema: HeldRunRecord,
    permissionRead: 0,
    permissionWrite: 0,
    why: "live runs outside human bounds, kept off the board until a moderator decides (system-owned, key: played_at and match id, so review_list goes oldest first): a client would approve its own",
  }),
  playerStats: owned({
    collection: PLAYER_STATS_COLLECTION,
    schema: PlayerStats,
    permissionRead: 1,
    permissionWrite: 0,
    why: "games played, best and gifts, counted from accepted rounds; the owner may read them",
  }),
  signupEmailClaims: owned({
    collection: "signup_email_claims",
    schema: EmailClaimRecord,
    permissionRead: 0,
    permissionWrite: 0,
    why: "one sign-up per email at a time: a client's own claim would block or skip the check",
  }),
} as const;

export const OWNED_COLLECTIONS: readonly OwnedCollection[] = Object.values(Owned);

const ownedNames = new Set(OWNED_COLLECTIONS.map((c) => c.collection));

export function isOwnedCollection(collection: string | undefined): boolean {
  return collection !== undefined && ownedNames.has(collection);
}
