import * as Phaser from "phaser";
import { generateTextures } from "../art/textures";
import { loadClientConfig } from "../config/client-config";
import { NetTimingsError } from "../config/net-timings";
import { raceCodeFrom, withoutRaceLink } from "../config/race-link";
import { raceWatchFrom, withoutRaceWatch } from "../config/race-watch-link";
import { runLinkFrom, withoutRunLink } from "../config/run-link";
import { emitGameEvent } from "../core/game-events";
import { launchOptions } from "../core/launch-options";
import { whileRunning } from "../core/while-running";
import { createNet } from "../net/create-net";
import { setNet } from "../net/current-net";
import { raceFailureMessage } from "../net/messages";
import type { GameNet } from "../net/types";
import { colors, textStyle } from "../views/theme";
import { openRace } from "./open-race";
import type { RaceWatchSceneData } from "./race-watch";

/** Where a link leads once its visitor is signed in. */
type Next =
  | { key: "SharedRun"; data: object }
  | { key: "RaceLobby" | "RaceWatch" | "RaceMenu"; data: object };

/** Draws the textures, creates the one GameNet, restores the saved session and routes on. */
export class BootScene extends Phaser.Scene {
  constructor() {
    super("Boot");
  }

  create() {
    emitGameEvent(this, "screen", { scene: "Boot", status: "connecting" });
    generateTextures(this);
    const { width, height } = this.scale;
    this.add
      .text(width / 2, height / 2, "Gift Grab", textStyle(this, 48, colors.accent))
      .setOrigin(0.5);
    void this.start();
  }

  /**
   * The game opened from a link (a friend's race, a finished race, a shared run): whoever opens
   * it gets there signed in or not. A visitor without a session becomes a guest without a word
   * (this browser's device guest: the same one each time); the name step waits until they sign
   * in from the menu. The address drops the link, so a reload goes to the game.
   */
  private async openLink(
    net: GameNet,
    without: (href: string) => string,
    next: () => Promise<Next>,
  ) {
    window.history.replaceState(window.history.state, "", without(window.location.href));
    const restored = await whileRunning(this, net.restore());
    if (restored !== "restored") await whileRunning(this, net.signInAsGuest());
    let to: Next;
    try {
      to = await whileRunning(this, next());
    } catch (err) {
      // A race link that no longer works: the race screen says why.
      to = { key: "RaceMenu", data: { error: raceFailureMessage(err) } };
    }
    // Race scenes come with the race's chunk.
    if (to.key === "SharedRun") this.scene.start(to.key, to.data);
    else await whileRunning(this, openRace(this, to.key, to.data));
  }

  /** A friend's race link: that race's lobby. */
  private async raceLobby(net: GameNet, code: string): Promise<Next> {
    return { key: "RaceLobby", data: { room: await whileRunning(this, net.joinRace(code)) } };
  }

  /** A finished race's link: the race watched with every Santa; Back goes to the menu. */
  private async sharedRace(net: GameNet, matchId: string): Promise<Next> {
    const race = await whileRunning(this, net.storedRace(matchId));
    const me = net.session()?.userId;
    const watch: RaceWatchSceneData = {
      race,
      seat: race.santas.findIndex((s) => s.user_id === me),
      back: { scene: "Menu" },
      share: { raceId: race.match_id },
      rematchFrom: null,
    };
    return { key: "RaceWatch", data: watch };
  }

  private async start() {
    try {
      const launch = launchOptions(this);
      const { server, timings } = await whileRunning(
        this,
        loadClientConfig(undefined, undefined, launch.timings),
      );
      const net = createNet(server, timings);
      setNet(net);
      this.scene.launch("Overlay");
      if (launch.afterBoot) {
        this.scene.start(launch.afterBoot.scene, launch.afterBoot.data);
        return;
      }
      const href = window.location.href;
      const race = raceCodeFrom(href);
      const watched = raceWatchFrom(href);
      const run = runLinkFrom(href);
      if (race) {
        await whileRunning(
          this,
          this.openLink(net, withoutRaceLink, () => this.raceLobby(net, race)),
        );
        return;
      }
      if (watched) {
        const next = () => this.sharedRace(net, watched);
        await whileRunning(this, this.openLink(net, withoutRaceWatch, next));
        return;
      }
      if (run) {
        const next = async (): Promise<Next> => ({ key: "SharedRun", data: { link: run } });
        await whileRunning(this, this.openLink(net, withoutRunLink, next));
        return;
      }
      const restored = await whileRunning(this, net.restore());
      if (restored === "restored") this.scene.start("Menu");
      else this.scene.start("SignIn", { sessionEnded: restored === "ended" });
    } catch (err) {
      emitGameEvent(this, "status", { status: "error", error: String(err) });
      const error =
        err instanceof NetTimingsError
          ? `This site's settings are invalid (${err.message}).`
          : "Can't reach the game server. Check your connection.";
      this.scene.start("SignIn", { error });
    }
  }
}
