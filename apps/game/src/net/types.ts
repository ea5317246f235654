import type {
  AnyRpc,
  LeaderboardBoard,
  LobbyClosedReason,
  LobbyMessage,
  RpcRequest,
  RpcResponse,
  raceGet,
  replayGet,
  StartMessage,
} from "@gift-grab/contracts";
import type { InputRuns, Orientation } from "@gift-grab/simulation";
import type { ArrivalTiming, LiveMatch } from "./live/live-match";

/**
 * What scenes may ask of the network. Scenes use these types and the one GameNet (getNet()
 * from net/current-net.ts); nakama-js stays inside src/net/.
 */

/** What the HUD and menus show about the connection. */
export type ConnectionState =
  | "signed_out" // no session
  | "connecting" // signing in / opening the socket
  | "online" // session valid, socket open
  | "offline" // the browser says there is no network
  | "reconnecting" // socket dropped without a kick: backing off and retrying
  | "kicked" // this device's session was ended by a sign-in elsewhere: never auto-reconnects
  | "other_tab"; // signed in, but another tab of this browser plays (net/session/tab-lease.ts)

/** The signed-in player, decoded from the session token and the account. */
export interface SessionInfo {
  userId: string;
  username: string;
  /** The name the board shows (null: none set, the username shows). */
  displayName: string | null;
  email: string | null;
  isGuest: boolean;
  signedInAt: Date;
  tokenExpiresAt: Date;
  refreshExpiresAt: Date;
}

/** Why a sign-in (or sign-up, link) failed, with a message a person can act on. */
export type SignInFailureKind =
  | "wrong_password"
  | "email_taken"
  | "username_taken"
  | "invalid_input"
  | "unreachable"
  | "already_playing" // deny_new policy: offer "Play here instead" (signIn with takeover)
  | "session_ended"
  | "account_not_found"
  | "banned"
  | "unknown";

export class SignInFailure extends Error {
  override name = "SignInFailure";
  constructor(
    readonly kind: SignInFailureKind,
    message: string,
    /** The form's fields at fault, when the failure is about what was typed in them. */
    readonly fields: readonly string[] = [],
  ) {
    super(message);
  }
}

/** Why this device was signed out by the server. */
export interface KickInfo {
  reason: "signed_in_elsewhere" | "signed_out_everywhere";
  at: Date;
  /** The other device's client tag, when known. */
  clientTag: string | null;
}

/**
 * The next round: live (a seat in a match on the server, joined: START received), or practice
 * (the server refused or did not answer: played locally, never ranked, said before it starts).
 */
export type RoundTicket =
  | {
      kind: "live";
      match: LiveMatch;
      start: StartMessage;
      arrived: ArrivalTiming;
      durationMs: number;
      orientation: Orientation;
    }
  | { kind: "practice"; seed: number; durationMs: number; orientation: Orientation; why: string };

/** A friend race's lobby, as this player is in it. */
export interface RaceRoomInfo {
  code: string;
  /**
   * This player hosts: only the host starts the race (and asks for a rematch). The maker at
   * first; LOBBY's `host` keeps it true (a lobby whose host left passes to the player here
   * longest), and it is what the race's results go on with.
   */
  host: boolean;
  /** This player's seat (the host's is 0). */
  seat: number;
  /** Epoch ms: the code stops working, and an unstarted lobby closes. */
  expiresAt: number;
}

export interface RaceRoomEvents {
  /** Who holds a seat and who is here (LOBBY), on every change. */
  lobby: (m: LobbyMessage) => void;
  /** The host started: the race's START came (the race scene takes the ticket). */
  start: (ticket: RaceTicket) => void;
  /**
   * The lobby is gone, and why: the server closed it (its maker made another: `host_closed`;
   * nobody started it in time: `expired`), the seat was lost with the socket, or the session
   * ended here.
   */
  lost: (why: RaceRoomLoss) => void;
}

/** Why a friend race's lobby was lost: LOBBY_CLOSED's reason, or LiveMatch's "lost". */
export type RaceRoomLoss = LobbyClosedReason | "grace" | "gone" | "session";

/** A friend race's lobby, joined (net/races/race-room.ts). */
export interface RaceRoom {
  readonly info: RaceRoomInfo;
  /** The last LOBBY (null until the first). */
  readonly players: LobbyMessage | null;
  /** The seats whose player has been here since this player came: one not here now has left. */
  readonly seen: ReadonlySet<number>;
  readonly events: { on<E extends keyof RaceRoomEvents>(e: E, h: RaceRoomEvents[E]): () => void };
  /** The host starts the race; `bots`: the server plays the empty seats. */
  start(bots: boolean): Promise<void>;
  /** The player leaves the lobby (back to the menu). */
  leave(): void;
}

/** A race's seat, joined: START received (the race scene plays it). */
export interface RaceTicket {
  match: LiveMatch;
  start: StartMessage;
  arrived: ArrivalTiming;
  /** A friend race's lobby (its code, whether this player hosts it); null: a quick race. */
  lobby: RaceRoomInfo | null;
}

/** A quick race being searched for: the ticket once found, or cancel the search. */
export interface QuickRace {
  /** Rejects with a RaceSearchCancelled after cancel(), a LiveRoundFailure, or an RpcFailure. */
  ticket: Promise<RaceTicket>;
  cancel(): void;
}

/** Before a round: will it be ranked, or is it practice (and why)? */
export type RoundCheck = { saved: true } | { saved: false; message: string };

export interface RoundResult {
  score: number;
  gifts: number;
  powerUpsUsed: number;
  /** Every tick's input as this client played it (a practice round's Watch replays them). */
  inputs: InputRuns;
}

/** What became of a round's score: the server's (a live round's END), or why there is none. */
export type SubmitOutcome =
  | { status: "accepted"; score: number; best: number; rank: number; newBest: boolean }
  /**
   * The server held the run for review (outside human bounds, docs/realtime.md
   * "Plausibility"): it goes on the board only if a moderator approves it.
   */
  | { status: "held"; score: number }
  /** The server kept nothing, or the seat was lost: `message` says why. */
  | { status: "rejected"; message: string }
  /** A practice round (told before it started): never ranked. */
  | { status: "practice" };

export interface LeaderboardRow {
  rank: number;
  /** The player's user id: what Watch asks replay_get for. */
  ownerId: string;
  username: string;
  /** The name to show: the display name, or the username when there is none. */
  name: string;
  score: number;
  isMe: boolean;
}

/** Which page of which weekly board: the solo one unless told, its top 10 unless a cursor or around me. */
export interface LeaderboardOptions {
  board?: LeaderboardBoard;
  cursor?: string;
  aroundMe?: boolean;
}

export interface LeaderboardPage {
  /** The board this page is of. */
  board: LeaderboardBoard;
  rows: LeaderboardRow[];
  nextCursor: string | null;
  prevCursor: string | null;
  me: LeaderboardRow | null;
  nextResetAt: Date;
  lastWeekTop: LeaderboardRow[];
}

export interface PlayerStats {
  gamesPlayed: number;
  best: number;
  totalGifts: number;
  lastPlayedAt: Date | null;
}

/** A kept run, as Watch replays it (replay_get's answer). */
export type Replay = RpcResponse<typeof replayGet>;

/** A finished race, as Watch replays it with every Santa (race_get's answer). */
export type StoredRace = RpcResponse<typeof raceGet>;

export interface NetEvents {
  connection: (state: ConnectionState) => void;
  kicked: (info: KickInfo) => void;
  /**
   * The session is over without a kick (refresh refused or expired, signed out in another tab,
   * revoked): show the sign-in screen with "Your session ended — sign in again".
   */
  sessionEnded: () => void;
}

/** The net layer's surface, implemented by NakamaNet (net/nakama-net.ts). */
export interface GameNet {
  readonly connection: ConnectionState;
  on<E extends keyof NetEvents>(event: E, handler: NetEvents[E]): () => void;

  /** Restores the saved session: "ended" means the sign-in screen says "Your session ended — sign in again". */
  restore(): Promise<"restored" | "none" | "ended">;
  /** True when this sign-in created the guest (a new player: they choose their name next). */
  signInAsGuest(): Promise<boolean>;
  signIn(email: string, password: string, options?: { takeover?: boolean }): Promise<void>;
  signUp(email: string, password: string, username: string): Promise<void>;
  /** The name the board shows (DisplayName rules; refusals as SignInFailure). */
  setDisplayName(name: string): Promise<void>;
  /** Guest → email account, same user id, scores and stats. */
  linkEmail(email: string, password: string): Promise<void>;
  /** After a kick: sign in again here, ending the other device's session. */
  playHere(): Promise<void>;
  /** Another tab of this browser plays: play in this one instead (that tab steps aside, no kick). */
  playInThisTab(): Promise<void>;
  signOut(): Promise<void>;
  signOutEverywhere(): Promise<void>;
  session(): SessionInfo | null;

  /**
   * Opens the next round before the round screen opens (live_round_create, then joins the
   * match), so a refusal or an outage is told first; the round screen's startRound then takes
   * it (a practice round when refused).
   */
  prepareRound(orientation: Orientation): Promise<RoundCheck>;
  /** The player chose not to play the prepared round (its seat is left). */
  forgetPreparedRound(): void;
  /** The prepared round, or opens one on the field as this screen shows it. */
  startRound(orientation: Orientation): Promise<RoundTicket>;
  /**
   * A quick race: other racers through Nakama's matchmaker, or after RaceMatchmaker.searchMs
   * with nobody found, the server's bots.
   */
  quickRace(): QuickRace;
  /** A friend race's lobby with this player as host: its code to share. */
  hostRace(): Promise<RaceRoom>;
  /** A seat in a friend's race lobby by its code. */
  joinRace(code: string): Promise<RaceRoom>;
  /** The host asks for a rematch after the END: REMATCH then tells every seat still in. */
  rematchRace(code: string): Promise<void>;
  /** REMATCH came: the new race's match, joined (START when every seat is in). */
  joinRematch(matchId: string, lobby: RaceRoomInfo): Promise<RaceTicket>;
  leaderboard(options?: LeaderboardOptions): Promise<LeaderboardPage>;
  stats(): Promise<PlayerStats>;
  /** The player's kept run on this week's board, for Watch. */
  replay(ownerId: string): Promise<Replay>;
  /** The same, or null when that player has no run on this week's board (a shared run's link). */
  boardRun(ownerId: string): Promise<Replay | null>;
  /** A finished race by its match id, for Watch with every Santa (race_get). */
  storedRace(matchId: string): Promise<StoredRace>;

  /**
   * Any RPC by its contract, input and response checked against it: what every client call in
   * net/rpcs/ goes through.
   */
  rpc<C extends AnyRpc>(contract: C, input: RpcRequest<C>): Promise<RpcResponse<C>>;
}
