import * as Phaser from "phaser";
import { generateTextures } from "../art/textures";
import { loadClientConfig } from "../config/client-config";
import { NetTimingsError } from "../config/net-timings";
import { raceCodeFrom, withoutRaceLink } from "../config/race-link";
import { raceWatchFrom, withoutRaceWatch } from "../config/race-watch-link";
import { type RunLink, runLinkFrom, withoutRunLink } from "../config/run-link";
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
   * A shared run's link: whoever opens it sees the run, signed in or not. A visitor without a
   * session becomes a guest without a word (this browser's device guest: the same one each
   * time); the name step waits until they sign in from the menu. The address drops the run,
   * so a reload goes to the game.
   */
  private async openSharedRun(net: GameNet, link: RunLink) {
    window.history.replaceState(window.history.state, "", withoutRunLink(window.location.href));
    const restored = await whileRunning(this, net.restore());
    if (restored !== "restored") await whileRunning(this, net.signInAsGuest());
    this.scene.start("SharedRun", { link });
  }

  /**
   * A finished race's link: whoever opens it watches the race with every Santa, signed in or
   * not (a guest, as for a shared run); Back goes to the menu. A race the server has no record
   * of says so on the race screen. The address drops the race.
   */
  private async openSharedRace(net: GameNet, matchId: string) {
    window.history.replaceState(window.history.state, "", withoutRaceWatch(window.location.href));
    const restored = await whileRunning(this, net.restore());
    if (restored !== "restored") await whileRunning(this, net.signInAsGuest());
    let next: { key: "RaceWatch" | "RaceMenu"; data: object };
    try {
      const race = await whileRunning(this, net.storedRace(matchId));
      const me = net.session()?.userId;
      const watch: RaceWatchSceneData = {
        race,
        seat: race.santas.findIndex((s) => s.user_id === me),
        back: { scene: "Menu" },
        share: { raceId: race.match_id },
        rematchFrom: null,
      };
      next = { key: "RaceWatch", data: watch };
    } catch (err) {
      next = { key: "RaceMenu", data: { error: raceFailureMessage(err) } };
    }
    await whileRunning(this, openRace(this, next.key, next.data));
  }

  /**
   * A friend's race link: whoever opens it lands in that race's lobby, signed in or not (a
   * visitor without a session becomes this browser's device guest, as for a shared run). A
   * code that no longer works says why on the race screen. The address drops the code.
   */
  private async openRaceLink(net: GameNet, code: string) {
    window.history.replaceState(window.history.state, "", withoutRaceLink(window.location.href));
    const restored = await whileRunning(this, net.restore());
    if (restored !== "restored") await whileRunning(this, net.signInAsGuest());
    let next: { key: "RaceLobby" | "RaceMenu"; data: object };
    try {
      next = { key: "RaceLobby", data: { room: await whileRunning(this, net.joinRace(code)) } };
    } catch (err) {
      next = { key: "RaceMenu", data: { error: raceFailureMessage(err) } };
    }
    await whileRunning(this, openRace(this, next.key, next.data));
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
      const race = raceCodeFrom(window.location.href);
      if (race) {
        await whileRunning(this, this.openRaceLink(net, race));
        return;
      }
      const watched = raceWatchFrom(window.location.href);
      if (watched) {
        await whileRunning(this, this.openSharedRace(net, watched));
        return;
      }
      const link = runLinkFrom(window.location.href);
      if (link) {
        await whileRunning(this, this.openSharedRun(net, link));
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
