import {
  type EndMessage,
  encodeLobby,
  encodeLobbyClosed,
  encodeRematch,
  LiveOp,
  LiveTiming,
  type LobbyClosedReason,
  RaceLobby,
} from "@gift-grab/contracts";
import type { Orientation } from "@gift-grab/simulation";
import { type LiveConfig, liveConfig } from "./config";
import { Lobby } from "./lobby";
import { type LobbySignal, lobbySignal, type SignalAnswer } from "./lobby-signal";
import {
  createLoopStats,
  type LoopPhase,
  type LoopStats,
  logLoopStats,
  recordLoop,
} from "./loop-stats";
import { plainEnd } from "./plain-end";
import { LiveRound, type Outgoing, type Phase } from "./round";
import { writeRaceResults, writeResults } from "./round-end";
import type { SeatUser } from "./seat";

/**
 * The live round as Nakama's match handler (registered in main.ts as LIVE_ROUND_MATCH).
 *
 * Each match runs in a goja VM of its own, so the round lives in this module's scope, not
 * in the `state` Nakama hands back and forth: that object is exported to Go and wrapped again
 * on every callback, which would cost per tick for a deep state. `state` is a token.
 *
 * Every callback catches what it throws: a throw out of matchLoop would stop the match and
 * disconnect the player. A loop that keeps failing ends the match after FAILING_LOOPS.
 */
interface Token {
  live: 1;
}
const TOKEN: Token = { live: 1 };
const FAILING_LOOPS = 40;
/**
 * What every loop that goes on returns, and the messages a loop sends, made once: in goja each
 * object and array is an allocation (a Go map or slice) and the garbage of 20 loops a second
 * per match is a good part of Nakama's CPU.
 */
const GO_ON = { state: TOKEN };
const loopOut: Outgoing[] = [];

/** Where a loop's timing counts, by the round's phase after it (loop-stats.ts). */
const LOOP_PHASE: Record<Phase, LoopPhase> = {
  waiting: "before",
  countdown: "before",
  running: "playing",
  over: "after",
};

/** The wall clock; the determinism test drives a round with a clock of its own. */
export const clock = { now: () => Date.now() };

interface MatchScope {
  /** The round; null while a friend race's lobby waits for its host (`lobby`). */
  round: LiveRound | null;
  lobby: Lobby | null;
  /** What the round is built from when a lobby starts. */
  seed: number;
  orientation: Orientation;
  config: LiveConfig;
  matchId: string;
  /** The socket holding each seat (sessionId → presence), to address messages. */
  presences: Map<string, nkruntime.Presence>;
  /** Client tags of sessions that were let in, until they join. */
  clients: Map<string, string>;
  failures: number;
  loops: LoopStats;
}
let scope: MatchScope | null = null;

/** matchCreate's params: a solo round's player, or a race's (`race`). */
export interface LiveRoundParams {
  user_id?: string;
  username?: string;
  /** A race: JSON of RaceSeats (a string: Nakama hands params through Go maps). */
  race?: string;
  /** A friend race's lobby: JSON of LobbyParams; the round is made when the host starts. */
  lobby?: string;
  /** A friend race's rematch (a race with `race`'s seats): it stays open for the next one. */
  rematch?: boolean;
  orientation: Orientation;
  seed: number;
}

/** A race's seats: the players matched, then bots up to `seats`. */
export interface RaceSeats {
  /** `name`: shown over the Santa and in the lobby (racer-names.ts); the username otherwise. */
  users: { user_id: string; username: string; name?: string }[];
  seats: number;
}

/** A lobby's host, size and expiry. */
export interface LobbyParams {
  host: { user_id: string; username: string; name?: string };
  max_seats: number;
  expires_at: number;
}

const BOT_NAMES = ["Dasher", "Comet", "Blitzen", "Vixen"];

/**
 * A friend race (a lobby's or a rematch's) stays open after its END while anyone is in it, for
 * RaceLobby.rematchWindowMs: the host's rematch reaches the players through this match, and
 * people take longer than the usual linger to read the results and decide.
 */
export function friendRaceLinger(config: LiveConfig, friends: boolean): LiveConfig {
  return friends
    ? { ...config, lingerMs: Math.max(config.lingerMs, RaceLobby.rematchWindowMs) }
    : config;
}

/** The seats a match's params ask for: one player, or a race's players and bots. */
export function seatUsers(p: LiveRoundParams): SeatUser[] {
  if (typeof p.race !== "string")
    return [{ userId: String(p.user_id), username: String(p.username ?? "") }];
  const race = JSON.parse(p.race) as RaceSeats;
  const seats = Math.max(2, Math.min(4, Math.trunc(Number(race.seats)) || 2));
  const users: SeatUser[] = race.users.slice(0, seats).map((u) => ({
    userId: String(u.user_id),
    username: String(u.username ?? ""),
    name: String(u.name || u.username || ""),
  }));
  for (let i = users.length; i < seats; i++)
    // Named like Santa's reindeer; the game marks a bot's seat as one (START's `bot`).
    users.push({ userId: "", username: BOT_NAMES[i] ?? `Reindeer ${i}`, bot: true });
  return users;
}

/**
 * What the round sends. A message for every seat (`to: null`: FRAME, PAUSED, REMATCH) is one
 * broadcast to the whole match, whose presences are the seats' sockets (matchJoinAttempt lets
 * in no one else): Nakama then lists them itself, with no presence array to build here and to
 * read back in Go. A message for some seats goes to their sockets.
 */
function send(dispatcher: nkruntime.MatchDispatcher, m: MatchScope, out: Outgoing[]) {
  if (!m.round) return;
  const seats = m.round.seats;
  for (let i = 0; i < out.length; i++) {
    const o = out[i] as Outgoing;
    if (o.to === null) {
      if (m.presences.size > 0) dispatcher.broadcastMessage(o.op, o.data, null, null, true);
      continue;
    }
    const to: nkruntime.Presence[] = [];
    for (let j = 0; j < seats.length; j++) {
      const seat = seats[j] as (typeof seats)[number];
      if (seat.sessionId === null || o.to.indexOf(seat.index) < 0) continue;
      const p = m.presences.get(seat.sessionId);
      if (p) to.push(p);
    }
    if (to.length > 0) dispatcher.broadcastMessage(o.op, o.data, to, null, true);
  }
}

/**
 * A friend race's lobby changed (a seat reserved, a socket in or out): LOBBY to every socket in
 * it, so each player sees who else is coming before the host starts.
 */
function sendLobby(dispatcher: nkruntime.MatchDispatcher, m: MatchScope) {
  const lobby = m.lobby;
  if (!lobby) return;
  const to = lobbySockets(m, lobby);
  if (to.length > 0)
    dispatcher.broadcastMessage(LiveOp.LOBBY, encodeLobby(lobby.message()), to, null, true);
}

/**
 * The lobby closes unstarted: LOBBY_CLOSED with why to every socket in it, sent before the loop
 * ends the match (Nakama tells a match's sockets nothing when it ends: they would wait for a
 * start that can't come until their player pressed Leave).
 */
function sendLobbyClosed(
  dispatcher: nkruntime.MatchDispatcher,
  m: MatchScope,
  lobby: Lobby,
  reason: LobbyClosedReason,
) {
  const to = lobbySockets(m, lobby);
  if (to.length > 0)
    dispatcher.broadcastMessage(LiveOp.LOBBY_CLOSED, encodeLobbyClosed(reason), to, null, true);
}

function lobbySockets(m: MatchScope, lobby: Lobby): nkruntime.Presence[] {
  const to: nkruntime.Presence[] = [];
  for (const sessionId of lobby.present.keys()) {
    const p = m.presences.get(sessionId);
    if (p) to.push(p);
  }
  return to;
}

function guarded<R>(logger: nkruntime.Logger, what: string, fallback: R, run: () => R): R {
  try {
    return run();
  } catch (err) {
    logger.error(
      "live round %s: %s failed: %s",
      scope?.matchId ?? "?",
      what,
      err instanceof Error ? (err.stack ?? err.message) : String(err),
    );
    return fallback;
  }
}

/** guarded, on this match's scope; `fallback` too when there is none (nothing was made yet). */
function withScope<R>(
  logger: nkruntime.Logger,
  what: string,
  fallback: R,
  run: (m: MatchScope) => R,
): R {
  return guarded(logger, what, fallback, () => (scope ? run(scope) : fallback));
}

const matchInit: nkruntime.MatchInitFunction<Token> = (ctx, logger, _nk, params) => {
  // The params come from live_round_create (matchCreate), never from a client.
  const p = params as LiveRoundParams;
  const seed = p.seed >>> 0;
  const orientation: Orientation = p.orientation === "portrait" ? "portrait" : "landscape";
  const lobby = typeof p.lobby === "string" ? (JSON.parse(p.lobby) as LobbyParams) : null;
  const config = friendRaceLinger(liveConfig(ctx.env), lobby !== null || p.rematch === true);
  const users = lobby ? [] : seatUsers(p);
  scope = {
    round: lobby ? null : new LiveRound({ seed, orientation, users, config, now: clock.now() }),
    lobby: lobby
      ? new Lobby({
          host: lobby.host,
          maxSeats: Number(lobby.max_seats),
          expiresAt: Number(lobby.expires_at),
          now: clock.now(),
        })
      : null,
    seed,
    orientation,
    config,
    matchId: ctx.matchId ?? "",
    presences: new Map(),
    clients: new Map(),
    failures: 0,
    loops: createLoopStats(),
  };
  logger.debug("live round %s created", scope.matchId);
  return {
    state: TOKEN,
    tickRate: LiveTiming.loopHz,
    label: JSON.stringify(
      lobby
        ? { mode: "race_lobby" }
        : users.length > 1
          ? { mode: "race", seats: users.length }
          : { mode: "live_solo" },
    ),
  };
};

const matchJoinAttempt: nkruntime.MatchJoinAttemptFunction<Token> = (
  ctx,
  logger,
  _nk,
  _dispatcher,
  _tick,
  state,
  presence,
) =>
  guarded(logger, "join attempt", { state, accept: false, rejectMessage: "not now" }, () => {
    const m = scope;
    const seated = m?.round ? m.round.mayJoin(presence.userId) : m?.lobby?.mayJoin(presence.userId);
    if (!m || !seated)
      return { state, accept: false, rejectMessage: "no seat for you in this round" };
    m.clients.set(presence.sessionId, ctx.vars?.client ?? "unknown");
    return { state, accept: true };
  });

// Nakama's parameter list for presences, the same as matchLeave's: the runtime's signature.
const matchJoin: nkruntime.MatchJoinFunction<Token> = (
  _ctx,
  logger,
  _nk,
  dispatcher,
  _tick,
  state,
  presences,
) =>
  withScope(logger, "join", { state }, (m) => {
    for (const p of presences) {
      m.presences.set(p.sessionId, p);
      const client = m.clients.get(p.sessionId) ?? "unknown";
      m.clients.delete(p.sessionId);
      const { replaced, out } = m.round
        ? m.round.join(p.userId, p.sessionId, client, clock.now())
        : { replaced: m.lobby?.join(p.userId, p.sessionId, client, clock.now()) ?? null, out: [] };
      if (replaced) {
        const old = m.presences.get(replaced);
        m.presences.delete(replaced);
        if (old) dispatcher.matchKick([old]);
      }
      send(dispatcher, m, out);
    }
    if (!m.round) sendLobby(dispatcher, m);
    return { state };
  });

// Nakama's parameter list for presences, the same as matchJoin's: the runtime's signature.
const matchLeave: nkruntime.MatchLeaveFunction<Token> = (
  _ctx,
  logger,
  _nk,
  dispatcher,
  _tick,
  state,
  presences,
) =>
  withScope(logger, "leave", { state }, (m) => {
    let lobbyChanged = false;
    for (const p of presences) {
      m.presences.delete(p.sessionId);
      if (m.round) m.round.leave(p.userId, p.sessionId, clock.now());
      else if (m.lobby?.leave(p.sessionId, clock.now())) lobbyChanged = true;
    }
    if (lobbyChanged) sendLobby(dispatcher, m);
    return { state };
  });

const matchLoop: nkruntime.MatchLoopFunction<Token> = (
  _ctx,
  logger,
  nk,
  dispatcher,
  _tick,
  _state,
  messages,
) => {
  const m = scope;
  if (!m) return null;
  if (!m.round) {
    // A lobby waits for its host's start (matchSignal); its players send nothing that counts
    // yet. A host away past the grace hands it to the player waiting longest, so the others
    // can still start it. Unstarted past its expiry, it closes, and its code with it; closing,
    // it tells its sockets why first (LOBBY_CLOSED).
    const now = clock.now();
    const lobby = m.lobby;
    if (!lobby) return null;
    if (lobby.abandoned) {
      logger.info("race lobby %s closed: its maker opened another", m.matchId);
      sendLobbyClosed(dispatcher, m, lobby, "host_closed");
      return null;
    }
    if (now < lobby.expiresAt) {
      if (lobby.handOver(now, m.config.lobbyHostGraceMs)) {
        logger.info("race lobby %s: its host left; seat %d hosts it", m.matchId, lobby.host);
        sendLobby(dispatcher, m);
      }
      recordLoop(m.loops, "before", now, clock.now());
      return GO_ON;
    }
    logger.info("race lobby %s expired unstarted", m.matchId);
    sendLobbyClosed(dispatcher, m, lobby, "expired");
    return null;
  }
  try {
    const now = clock.now();
    const out = loopOut;
    out.length = 0;
    for (let i = 0; i < messages.length; i++) {
      const msg = messages[i] as nkruntime.MatchMessage;
      m.round.receiveData(msg.sender.sessionId, msg.opCode, msg.data, msg.receiveTimeMs, now, out);
    }
    const open = m.round.advance(now, out);
    const result = m.round.result;
    if (result && !m.round.endMessages) {
      let ends: EndMessage[] | null = null;
      try {
        const seat = m.round.seats[0];
        if (m.round.race) ends = writeRaceResults(nk, m.round, m.matchId, now);
        else if (seat) ends = [writeResults(nk, logger, m.round, seat, m.matchId, now)];
      } catch (err) {
        logger.error("live round %s: writing the result failed: %s", m.matchId, String(err));
      }
      m.round.ended(ends ?? result.santas.map((_, i) => plainEnd(result, i, "failed")), out);
    }
    send(dispatcher, m, out);
    m.failures = 0;
    recordLoop(m.loops, LOOP_PHASE[m.round.phase], now, clock.now());
    out.length = 0;
    if (!open) logLoopStats(logger, m.matchId, m.loops);
    return open ? GO_ON : null;
  } catch (err) {
    m.failures += 1;
    logger.error(
      "live round %s: loop failed (%d in a row): %s",
      m.matchId,
      m.failures,
      err instanceof Error ? (err.stack ?? err.message) : String(err),
    );
    return m.failures >= FAILING_LOOPS ? null : GO_ON;
  }
};

const matchTerminate: nkruntime.MatchTerminateFunction<Token> = (
  _ctx,
  _logger,
  _nk,
  _dispatcher,
  _tick,
  state,
) => ({ state });

/**
 * A friend race's lobby is driven by its RPCs through signals (lobby-signal.ts): a seat
 * reserved by code, the host's start, a rematch announced. The match answers each at once, so
 * two friends joining together can't both take the last seat.
 */
const matchSignal: nkruntime.MatchSignalFunction<Token> = (
  _ctx,
  logger,
  _nk,
  dispatcher,
  _tick,
  state,
  data,
) =>
  withScope(logger, "signal", { state, data: JSON.stringify({ refused: "failed" }) }, (m) => {
    const reserved = m.lobby?.users.length ?? 0;
    const answer: SignalAnswer = lobbySignal(JSON.parse(data) as LobbySignal, {
      lobby: m.lobby,
      round: m.round,
      start: (bots) => startLobby(dispatcher, m, bots),
      rematch: (matchId) => announceRematch(dispatcher, m, matchId),
    });
    // A new seat reserved: the players already in see who is coming.
    if (m.lobby && m.lobby.users.length !== reserved) sendLobby(dispatcher, m);
    return { state, data: JSON.stringify(answer) };
  });

/** The host started the lobby: its round is made and every socket already in joins it. */
function startLobby(dispatcher: nkruntime.MatchDispatcher, m: MatchScope, bots: boolean) {
  const lobby = m.lobby as Lobby;
  const race = lobby.seatsAtStart(bots);
  const now = clock.now();
  const users = seatUsers({ race: JSON.stringify(race), orientation: m.orientation, seed: m.seed });
  m.round = new LiveRound({
    seed: m.seed,
    orientation: m.orientation,
    users,
    config: m.config,
    now,
  });
  m.lobby = null;
  dispatcher.matchLabelUpdate(JSON.stringify({ mode: "race", seats: users.length }));
  for (const [sessionId, p] of lobby.present)
    send(dispatcher, m, m.round.join(p.userId, sessionId, p.client, now).out);
  return race;
}

/** Tells every seat still in the finished race where the rematch is. */
function announceRematch(dispatcher: nkruntime.MatchDispatcher, m: MatchScope, matchId: string) {
  const out: Outgoing[] = [{ op: LiveOp.REMATCH, data: encodeRematch(matchId), to: null }];
  send(dispatcher, m, out);
}

/** The handler main.ts registers; scripts/build-module.mjs generates its global glue. */
export const liveRoundMatch: nkruntime.MatchHandler<Token> = {
  matchInit,
  matchJoinAttempt,
  matchJoin,
  matchLeave,
  matchLoop,
  matchTerminate,
  matchSignal,
};

/** The round of this VM's match (the determinism driver reads its state). */
export function currentRound(): LiveRound | null {
  return scope?.round ?? null;
}
