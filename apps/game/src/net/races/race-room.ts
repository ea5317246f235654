import type { LobbyMessage } from "@gift-grab/contracts";
import { Emitter } from "../emitter";
import type { LiveMatch } from "../live/live-match";
import { callRaceLobbyStart } from "../rpcs/race-lobby-start";
import type { GameNet, RaceRoomEvents, RaceRoomInfo, RaceRoom as RaceRoomView } from "../types";

/**
 * A friend race's lobby, joined (the host's or a friend's): the lobby's match over the socket,
 * who is in it (LOBBY), and the start (START). Made by NakamaNet (hostRace, joinRace).
 */
export class RaceRoom implements RaceRoomView {
  readonly events = new Emitter<RaceRoomEvents>();
  players: LobbyMessage | null = null;
  readonly seen = new Set<number>();
  private readonly off: (() => void)[] = [];
  private started = false;

  constructor(
    private readonly net: Pick<GameNet, "rpc">,
    readonly match: LiveMatch,
    readonly info: RaceRoomInfo,
  ) {
    // A LOBBY may come before the join's answer, before this room listened.
    if (match.lobby) this.take(match.lobby);
    this.off.push(
      match.events.on("lobby", (m) => {
        this.take(m);
        this.events.emit("lobby", m);
      }),
      match.events.on("start", (start, arrived) => {
        if (this.started) return;
        this.started = true;
        this.stopListening();
        this.events.emit("start", { match, start, arrived, lobby: this.info });
      }),
      match.events.on("lost", (why) => {
        this.stopListening();
        this.events.emit("lost", why);
      }),
      match.events.on("lobbyClosed", (why) => {
        this.stopListening();
        this.events.emit("lost", why);
      }),
    );
  }

  /** Who is in, and who hosts: the server's word (the host may have left and handed it on). */
  private take(m: LobbyMessage): void {
    this.players = m;
    this.info.host = m.host === this.info.seat;
    m.players.forEach((p, seat) => {
      if (p.here) this.seen.add(seat);
    });
  }

  /** The host starts the race; `bots`: the server plays the empty seats. */
  async start(bots: boolean): Promise<void> {
    await callRaceLobbyStart(this.net, { code: this.info.code, bots });
  }

  /** The player leaves the lobby (back to the menu). */
  leave(): void {
    this.stopListening();
    if (!this.started) this.match.leave();
  }

  private stopListening(): void {
    for (const off of this.off.splice(0)) off();
  }
}
