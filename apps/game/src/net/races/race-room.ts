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
  private readonly off: (() => void)[] = [];
  private started = false;

  constructor(
    private readonly net: Pick<GameNet, "rpc">,
    readonly match: LiveMatch,
    readonly info: RaceRoomInfo,
  ) {
    // A LOBBY may come before the join's answer, before this room listened.
    this.players = match.lobby;
    this.off.push(
      match.events.on("lobby", (m) => {
        this.players = m;
        this.events.emit("lobby", m);
      }),
      match.events.on("start", (start, arrived) => {
        if (this.started) return;
        this.started = true;
        this.stopListening();
        this.events.emit("start", { match, start, arrived, lobby: this.info });
      }),
      match.events.on("lost", () => {
        this.stopListening();
        this.events.emit("lost");
      }),
    );
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
