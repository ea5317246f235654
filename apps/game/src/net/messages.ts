import {
  DISPLAY_NAME_MAX_CHARS,
  DISPLAY_NAME_MIN_CHARS,
  type ErrorReason,
  PASSWORD_MAX_BYTES,
  PASSWORD_MIN_CHARS,
  retryAfterSeconds,
  USERNAME_MAX_CHARS,
  USERNAME_MIN_CHARS,
} from "@gift-grab/contracts";
import { LiveRoundFailure } from "./live/live-round-failure";
import type { KickInfo, RaceRoomLoss } from "./types";

/**
 * Every refusal the server can send, in words a player can act on. The one place: scenes show
 * these strings and never compose their own from reasons.
 */
export const reasonMessages: Record<ErrorReason, string> = {
  invalid_payload:
    "The game sent something the server didn't accept. Reload the page and try again.",
  unauthenticated: "Your session ended — sign in again.",
  session_revoked: "Your session ended — sign in again.",
  internal: "The server had a problem. Try again in a moment.",
  unavailable: "The game server is busy or restarting. Try again in a moment.",
  rate_limited: "That's a lot of requests in a short time. Wait a moment, then try again.",
  round_not_over: "The race isn't over yet: a rematch can start once it has ended.",
  replay_unknown: "That run isn't on this week's board any more.",
  wrong_password: "Wrong email or password. Check them and try again.",
  email_taken: "An account with this email already exists. Sign in instead, or use another email.",
  username_taken: "That username is taken. Pick another one.",
  account_not_found: "No account with this email. Check it, or sign up.",
  account_banned: "This account is banned.",
  already_playing:
    "This account is playing on another device. Play here instead to end that session.",
  login_expired: "You've been signed in for a long time — sign in again.",
  collection_owned: "That data is kept by the game server and can't be changed from here.",
  refresh_superseded: "Your session was renewed in another tab. Try again in a moment.",
  api_closed: "This game doesn't offer that feature.",
  race_code_unknown: "That race code isn't open. Check it, or ask your friend for a new link.",
  race_full: "That race is full.",
  race_started: "That race has already started.",
  race_not_host: "Only the player who made the race can do that.",
  race_not_seated: "Only the race's players can do that.",
  // The game never calls the review RPCs: words all the same, should one ever reach a player.
  server_only: "Only the game's own servers can do that.",
  review_unknown: "That run isn't waiting for review any more.",
};

/**
 * Where one RPC's refusal means something narrower than its reason's words: replay_unknown
 * from race_get is a race, not a run on the board.
 */
export const rpcReasonMessages: Partial<Record<string, Partial<Record<ErrorReason, string>>>> = {
  // RACE_GET's value, written out: importing the constant would bring race_get's contract
  // into the first load (its module's zod schemas can't be shaken off). messages.test.ts
  // holds the two equal.
  race_get: {
    replay_unknown: "The server has no record of this race, so it can't be watched.",
  },
};

/** Beside every password field: the contract's rule (bcrypt keeps 72 bytes of UTF-8). */
/** Nakama refuses an email under 10 characters: said before anyone types one. */
export const emailHint = "(server rule: 10+ characters)";
export const passwordHint = `(${PASSWORD_MIN_CHARS}–${PASSWORD_MAX_BYTES} characters)`;
/** Under a name field: the contract's DisplayName rule, in words. */
export const displayNameRule = `${DISPLAY_NAME_MIN_CHARS}–${DISPLAY_NAME_MAX_CHARS} letters, digits, spaces, ' or -, starting and ending with a letter or digit.`;
/** Beside the username field: the contract's Username rule, in words. */
export const usernameHint = `(new accounts: ${USERNAME_MIN_CHARS}–${USERNAME_MAX_CHARS} of a–z, 0–9 and _)`;

export const unreachableMessage =
  "Can't reach the game server. Check your connection and try again.";
export const unknownFailureMessage = "Something went wrong. Try again.";

/** Why the server signed this device out (a kick), said to the player on this device. */
export const kickMessages: Record<KickInfo["reason"], string> = {
  signed_in_elsewhere: "You signed in on another device",
  signed_out_everywhere: "You were signed out everywhere",
};

/**
 * Before a round the server would not open: why (a refusal's words, or no answer), then
 * that the round is practice.
 */
export function practiceMessage(refusal: string | null): string {
  return `${refusal ?? unreachableMessage} You can still play: this round is practice and won't be saved.`;
}

/** The game-over line for a practice round. */
export const practiceOutcomeMessage = "Practice round: not saved.";

/**
 * The words for a refusal (of the RPC `rpcId`, when one RPC's words are its own:
 * rpcReasonMessages). A rate-limited refusal's detail ends with when to retry (contracts'
 * retryAfterText): the player is told that time instead of "a moment".
 */
export function messageForReason(reason: ErrorReason | "unknown", detail = "", rpcId = ""): string {
  if (reason === "unknown") return unknownFailureMessage;
  const own = rpcReasonMessages[rpcId]?.[reason];
  if (own) return own;
  const wait = reason === "rate_limited" ? retryAfterSeconds(detail) : undefined;
  if (wait !== undefined) {
    // live_round_create's limit: "at most N rounds a minute; retry in …".
    const what = /rounds a minute/.test(detail)
      ? "You've started a lot of rounds in the last minute."
      : "That's a lot of requests in a short time.";
    return `${what} Try again in ${wait} s.`;
  }
  return reasonMessages[reason];
}

/** A live round's match could not be joined (it closed, or the socket refused). */
export const liveJoinFailedMessage = "Couldn't join the round on the game server.";

/** A live round whose seat was lost: away past the server's grace. */
export const liveAwayMessage =
  "You were away too long: the round ended with what the server had played.";

/** A live round ended by a sign-in elsewhere, a sign-out or another tab taking over. */
export const liveSessionEndedMessage = "This round ended: your session stopped playing here.";

/** A live round the server held for review instead of putting it on the board (END's held). */
export const liveHeldMessage = "This run is being reviewed before it goes on the board.";

/** A live round the server could not record (END's reason "failed"). */
export const liveFailedMessage = "The server couldn't record this round. Try another one.";

/** A live round whose match was gone when the socket came back (the server restarted). */
export const liveGoneMessage =
  "The game server lost this round while you were away (it restarted), so it wasn't saved.";

/** A race's match could not be joined (it closed, or the socket refused). */
export const raceJoinFailedMessage = "Couldn't join the race on the game server. Try again.";

/**
 * Why finding, joining or starting a race failed, in words: a refusal's own (RpcFailure's
 * message is already the player's words), no connection, or a join the match refused.
 */
export function raceFailureMessage(err: unknown): string {
  if (err instanceof LiveRoundFailure)
    return err.kind === "unreachable" ? unreachableMessage : raceJoinFailedMessage;
  if (err instanceof Error && err.name === "RpcFailure" && err.message) return err.message;
  return unknownFailureMessage;
}

/** Why a live round's or race's seat was lost (LiveMatch's "lost"), in the player's words. */
export function liveLostMessage(why: "grace" | "gone" | "session"): string {
  return why === "grace"
    ? liveAwayMessage
    : why === "gone"
      ? liveGoneMessage
      : liveSessionEndedMessage;
}

/**
 * Why a friend race's lobby was left before its start (RaceRoom's "lost"), said on the race
 * menu it goes back to: the server's reason when it closed the lobby (LOBBY_CLOSED).
 */
export function raceLobbyLostMessage(why: RaceRoomLoss): string {
  if (why === "host_closed") return "The host closed this race. Ask them for their new link.";
  if (why === "expired")
    return "This race link expired: nobody started the race in time. Make a new one to play.";
  return "The race closed before it started.";
}

/** What the HUD flashes when the socket drops during a live round or race, and when it is back. */
export function liveLinkMessage(state: "away" | "back"): string {
  return state === "away" ? "Connection lost: reconnecting…" : "Reconnected";
}
