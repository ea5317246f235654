// A live round's player over a real socket (nakama-js), for the integration tests and the
// bench: it joins a match, plays by the round's clock (steering at the gift it was told
// about, a person's reaction time after it appeared), and can also misbehave on purpose.
import {
  decodeEnd,
  decodeFrame,
  decodeLobby,
  decodeLobbyClosed,
  decodeRematch,
  decodeStart,
  type EndMessage,
  encodeInput,
  type FrameMessage,
  LiveOp,
  LiveTiming,
  type LobbyClosedReason,
  type LobbyMessage,
  liveRoundCreate,
  type StartMessage,
} from "@gift-grab/contracts";
import { INPUT_MAX } from "@gift-grab/simulation";
import type { Client, Session, Socket } from "@heroiclabs/nakama-js";
import { openSocket } from "./nakama";
import { call } from "./rounds-client";

export interface LivePlayOptions {
  /** Ticks per INPUT message (the redundancy). */
  redundancy?: number;
  /** INPUT messages a loop (10 for a flood). */
  copies?: number;
  /** Called each send with the message the player would send; returns what to send instead. */
  tamper?: (tick: number, honest: Uint8Array) => { op: number; data: Uint8Array }[];
  /** Sends nothing (a race's Santa left standing). */
  passive?: boolean;
  /** Once the seat's score reaches this, steers away from the gift (a board of set scores). */
  stopAt?: number;
  /**
   * How long after a new gift appears the player turns to it, ms; until then it keeps going
   * as it was. Default 250, a person's: a program's turn within a match loop is held for
   * review (docs/realtime.md "Plausibility"). 0 plays as the program this is.
   */
  reactionMs?: number;
  /**
   * Weaves 60° either side of the way to the gift, a turn every tick (still getting there
   * at half speed): more turns a second than any thumb, so the run is held for review.
   */
  zigzag?: boolean;
}

/** A person sees a new gift and turns in about this long (docs/realtime.md "Plausibility"). */
export const HUMAN_REACTION_MS = 250;

export async function createLiveRound(port: number, session: Session) {
  const res = await call(port, session, liveRoundCreate.id, {});
  if (res.status !== 200)
    throw new Error(`live_round_create: ${res.status} ${JSON.stringify(res.json)}`);
  return liveRoundCreate.response.parse(res.json);
}

/** One seat's player: a socket, what it has been told, and a loop sending inputs. */
export class LivePlayer {
  socket: Socket | null = null;
  start: StartMessage | null = null;
  frames: FrameMessage[] = [];
  end: EndMessage | null = null;
  starts = 0;
  /** A friend race's lobby as each LOBBY told it, in order. */
  lobbies: LobbyMessage[] = [];
  /** The match a friend race's host asked for a rematch in (REMATCH), if any. */
  rematch: string | null = null;
  /** Why a friend race's lobby closed before its start (LOBBY_CLOSED), if it did. */
  lobbyClosed: LobbyClosedReason | null = null;
  /** Local time of tick 0 by the last START. */
  startAt = 0;
  private gift = { x: 0, y: 0 };
  /** A gift revealed but not reacted to yet, and when it was seen (local ms). */
  private nextGift: { x: number; y: number; seenAt: number } | null = null;
  private santa = { x: 0, y: 0 };
  /** The seat's score by the last FRAME. */
  score = 0;
  private inputs: [number, number][] = [[0, 0]];
  private timer: ReturnType<typeof setInterval> | null = null;
  private ended: Promise<EndMessage>;
  private resolveEnd: (e: EndMessage) => void = () => {};
  bytesIn = 0;
  bytesOut = 0;

  constructor(
    readonly client: Client,
    readonly session: Session,
    readonly matchId: string,
    readonly options: LivePlayOptions = {},
  ) {
    this.ended = new Promise((resolve) => {
      this.resolveEnd = resolve;
    });
  }

  /** Joins over `socket` (the one the matchmaker answered on) or a new one, and waits for START. */
  async join(existing?: Socket) {
    const starts = this.starts;
    await this.enter(existing);
    await this.untilStart(starts);
  }

  /** Joins the match without waiting for START (a friend race's lobby sends it at the start). */
  async enter(existing?: Socket) {
    const socket = existing ?? (await openSocket(this.client, this.session));
    this.socket = socket;
    socket.onmatchdata = (m) => {
      const data = m.data as Uint8Array;
      this.bytesIn += data.byteLength;
      if (m.op_code === LiveOp.START) {
        const s = decodeStart(data);
        if (!s) throw new Error("START did not decode");
        this.start = s;
        this.starts += 1;
        this.startAt = Date.now() + s.startInMs;
        // A snapshot: what is on the field is known (the countdown gave time to see it).
        this.gift = s.state.gift;
        this.nextGift = null;
        this.santa = s.state.santas[s.seat] ?? this.santa;
      } else if (m.op_code === LiveOp.FRAME) {
        const f = decodeFrame(data);
        if (!f) throw new Error("FRAME did not decode");
        this.frames.push(f);
        const seat = f.seats[this.start?.seat ?? 0];
        this.santa = seat ?? this.santa;
        this.score = seat?.score ?? this.score;
        for (const r of f.reveals)
          if (r.type === "gift") this.nextGift = { x: r.x, y: r.y, seenAt: Date.now() };
      } else if (m.op_code === LiveOp.END) {
        const e = decodeEnd(data);
        if (!e) throw new Error("END did not decode");
        this.end = e;
        this.resolveEnd(e);
      } else if (m.op_code === LiveOp.REMATCH) {
        this.rematch = decodeRematch(data)?.matchId ?? "undecodable";
      } else if (m.op_code === LiveOp.LOBBY) {
        const l = decodeLobby(data);
        if (!l) throw new Error("LOBBY did not decode");
        this.lobbies.push(l);
      } else if (m.op_code === LiveOp.LOBBY_CLOSED) {
        const c = decodeLobbyClosed(data);
        if (!c) throw new Error("LOBBY_CLOSED did not decode");
        this.lobbyClosed = c.reason;
      }
    };
    await socket.joinMatch(this.matchId);
  }

  /** Waits for a LOBBY after the first `seen` that `fits`, and answers it. */
  async untilLobby(fits: (l: LobbyMessage) => boolean, seen = 0) {
    for (let waited = 0; ; waited += 10) {
      const l = this.lobbies.slice(seen).find(fits);
      if (l) return l;
      if (waited > 10_000) throw new Error(`no such LOBBY in ${JSON.stringify(this.lobbies)}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Waits for LOBBY_CLOSED, and answers its reason. */
  async untilLobbyClosed() {
    for (let waited = 0; this.lobbyClosed === null; waited += 10) {
      if (waited > 10_000) throw new Error("no LOBBY_CLOSED");
      await new Promise((r) => setTimeout(r, 10));
    }
    return this.lobbyClosed;
  }

  /** Waits for a START after `starts` of them, then plays. */
  async untilStart(starts = 0) {
    // The match sends START from matchJoin, which Nakama runs after it answered the join.
    for (let waited = 0; this.starts === starts; waited += 10) {
      if (waited > 10_000) throw new Error("no START after the join");
      await new Promise((r) => setTimeout(r, 10));
    }
    this.timer ??= setInterval(() => this.send(), 1000 / LiveTiming.loopHz);
  }

  /** The tick due now by the round's clock as this player knows it. */
  dueTick() {
    if (!this.start || this.startAt === 0) return 0;
    return Math.min(this.start.ticks, Math.floor(((Date.now() - this.startAt) * 60) / 1000));
  }

  private send() {
    const socket = this.socket;
    if (!socket || !this.start || this.end || this.options.passive) return;
    const due = this.dueTick();
    const next = this.nextGift;
    if (next && Date.now() - next.seenAt >= (this.options.reactionMs ?? HUMAN_REACTION_MS)) {
      this.gift = next;
      this.nextGift = null;
    }
    while (this.inputs.length <= due) {
      const last = this.inputs[this.inputs.length - 1] ?? [0, 0];
      if (this.nextGift) {
        // Not turned to the new gift yet: going on as before.
        this.inputs.push(last);
        continue;
      }
      const away = this.options.stopAt !== undefined && this.score >= this.options.stopAt;
      let x = (this.gift.x - this.santa.x) * (away ? -1 : 1);
      let y = (this.gift.y - this.santa.y) * (away ? -1 : 1);
      if (this.options.zigzag) {
        // ±60°, by turns: cos 60° = 1/2, sin 60° = √3/2.
        const s = (this.inputs.length % 2 ? 1 : -1) * (Math.sqrt(3) / 2);
        [x, y] = [x / 2 - y * s, x * s + y / 2];
      }
      const len = Math.sqrt(x * x + y * y);
      this.inputs.push(
        len === 0 ? [0, 0] : [Math.round((INPUT_MAX * x) / len), Math.round((INPUT_MAX * y) / len)],
      );
    }
    if (due < 1) return;
    const n = Math.min(this.options.redundancy ?? 9, due);
    const honest = new Uint8Array(
      encodeInput({
        seat: this.start.seat,
        lastTick: due,
        inputs: this.inputs.slice(due - n + 1, due + 1),
      }),
    );
    const messages = this.options.tamper?.(due, honest) ?? [{ op: LiveOp.INPUT, data: honest }];
    for (let c = 0; c < (this.options.copies ?? 1); c++)
      for (const m of messages) {
        this.bytesOut += m.data.byteLength;
        socket.sendMatchState(this.matchId, m.op, m.data).catch(() => {});
      }
  }

  /** Closes the socket as a dropped connection would (the seat waits for a rejoin). */
  drop() {
    this.socket?.disconnect(false);
    this.socket = null;
  }

  async result(timeoutMs: number) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no END within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      return await Promise.race([this.ended, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  close() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.drop();
  }
}

/** A guest's client and session, as `player()` (rounds-client.ts) gives them. */
export interface LiveWho {
  client: Client;
  session: Session;
}

/**
 * Opens a live round (live_round_create), plays it to its END over a new socket and closes
 * the socket: the server's score, and what it wrote (board, stats, replay) is then in place.
 */
export async function playLiveRound(
  port: number,
  who: LiveWho,
  options: LivePlayOptions = {},
): Promise<EndMessage & { matchId: string }> {
  const { match_id, duration_ms } = await createLiveRound(port, who.session);
  const p = new LivePlayer(who.client, who.session, match_id, options);
  try {
    await p.join();
    const end = await p.result(duration_ms + 15_000);
    return { ...end, matchId: match_id };
  } finally {
    p.close();
  }
}

/**
 * A live round that put the player on the board (a round that catches nothing stays off it):
 * the first of up to `tries` rounds that scores.
 */
export async function scoringLiveRound(port: number, who: LiveWho, tries = 3) {
  for (let i = 0; i < tries; i++) {
    const end = await playLiveRound(port, who);
    if (end.score > 0) return end;
  }
  throw new Error(`no scoring live round in ${tries} tries`);
}
