import type { PausedMessage } from "@gift-grab/contracts";
import type { Orientation } from "@gift-grab/simulation";
import type * as Phaser from "phaser";
import { getNet } from "../../net/current-net";
import type { ConnectionState } from "../../net/types";
import type { LivePlay } from "../../play/live/live-play";
import type { RoundPhase } from "../../play/round-phase";
import type { FieldView } from "./field-view";
import type { PauseMenu, PauseWords } from "./pause-menu";
import { livePauseWords, screenWords } from "./pause-words";
import type { RoundHud } from "./round-hud";
import type { WatchControls } from "./watch-controls";

/** A resize that changes the field's scale by more than this pauses the round. */
const RESIZE_PAUSES_AT = 0.1;

/** What the pause flow works on: the round's phase and screen, and what it is playing. */
export interface PauseParts {
  phase: RoundPhase;
  menu: PauseMenu;
  field: FieldView;
  hud: RoundHud;
  watch: WatchControls | null;
  /** The live round's seat while it plays, else null. */
  live(): LivePlay | null;
  /** The round's field's shape. */
  orientation(): Orientation;
  /** Quit to menu. */
  quit(): void;
}

/**
 * A round's pauses: the player's (Pause, Esc, P, a hidden page), a resize that turns the
 * screen or rescales the field, another tab or device taking over, and a live round's
 * pauses, which are the server's to grant (its PAUSED hides the field and opens the menu).
 * Watch's Pause/Play is its controls'.
 */
export class RoundPauses {
  /** The screen was turned away from the field's shape at the last resize (a live round). */
  private wasTurned = false;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly parts: PauseParts,
  ) {}

  toggle(): void {
    const { phase, watch } = this.parts;
    const live = this.parts.live();
    if (watch) watch.pressToggle();
    else if (live) {
      if (phase.phase === "playing" || phase.phase === "paused") live.toggle();
    } else if (phase.phase === "paused") this.resume();
    else this.pause();
  }

  /** Pauses the round and opens the pause menu, saying `words` when given. */
  pause(words?: PauseWords) {
    const { phase, watch } = this.parts;
    if (watch) {
      if (phase.phase === "playing") watch.pressToggle();
      return;
    }
    const live = this.parts.live();
    if (live) return this.askLivePause(live);
    if (!phase.stop()) return;
    this.openMenu(words);
  }

  /** The server paused or resumed the round: the field hides while paused. */
  livePaused(m: PausedMessage): void {
    const { phase, field } = this.parts;
    if (phase.phase === "over") return;
    if (m.paused) {
      phase.stop();
      field.layer.setVisible(false);
      this.openMenu(this.livePauseWords(m.pausesLeft, m.msLeft));
      return;
    }
    phase.hold = null;
    this.parts.menu.close();
    field.layer.setVisible(true);
    this.parts.hud.flash("Ready…", m.msLeft);
    if (phase.phase === "paused") phase.run(phase.pausedFrom);
  }

  /** A resize that turns the screen or rescales the field pauses; the pause menu says why. */
  screenChanged(scaleBefore: number) {
    const { phase } = this.parts;
    if (this.parts.watch || phase.hold === "elsewhere" || phase.phase === "over") return;
    const live = this.parts.live();
    if (live) return this.liveScreenChanged(live);
    if (phase.phase === "paused") {
      if (phase.hold === "screen") this.openMenu(this.screenWords());
      return;
    }
    const change = Math.abs(this.parts.field.fieldScale - scaleBefore) / scaleBefore;
    if (!this.turned() && change <= RESIZE_PAUSES_AT) return;
    phase.hold = "screen";
    this.pause(this.screenWords());
  }

  /**
   * Another tab or device took over: stop without a word (the overlay asks the player). When
   * this tab plays again the round waits for the player's Resume.
   */
  connectionChanged(state: ConnectionState) {
    const { phase } = this.parts;
    if (state === "other_tab" || state === "kicked") {
      if (this.parts.watch) return this.pause();
      if (phase.phase === "over") return;
      phase.stop();
      this.parts.menu.close();
      phase.hold = "elsewhere";
      return;
    }
    if (state !== "online" || phase.hold !== "elsewhere") return;
    // Next frame: after the overlay has taken its question down, so this one is the last said.
    this.scene.time.delayedCall(0, () => this.backHere());
  }

  /** What a live round's pause menu says: why it paused (a turned screen), what is left. */
  private livePauseWords(pausesLeft: number, msLeft?: number): PauseWords {
    const screen = this.parts.phase.hold === "screen" ? this.screenWords() : null;
    return livePauseWords(screen, pausesLeft, msLeft);
  }

  /** A live round asks the server (once a frame); it pauses only with pauses left. */
  private askLivePause(live: LivePlay) {
    if (this.parts.phase.phase === "playing") live.want(true);
  }

  private openMenu(words?: PauseWords) {
    this.parts.menu.open({ onResume: () => this.resume(), onQuit: () => this.parts.quit() }, words);
  }

  private resume() {
    const { phase } = this.parts;
    const live = this.parts.live();
    if (live) {
      // The server resumes; its PAUSED closes the menu and shows the field.
      if (phase.phase === "paused") live.want(false);
      return;
    }
    if (phase.phase !== "paused" || phase.hold === "elsewhere") return;
    phase.hold = null;
    this.parts.menu.close();
    phase.run(phase.pausedFrom);
  }

  /**
   * A live round's pauses are the player's few: turning the screen away from the field's shape
   * spends one (the server's PAUSED opens the menu with the screen's words); a resize that
   * keeps the shape, or one more while still turned, only lays the field out again.
   */
  private liveScreenChanged(live: LivePlay) {
    const { phase } = this.parts;
    const turned = this.turned();
    const turning = turned && !this.wasTurned;
    this.wasTurned = turned;
    if (phase.phase === "paused") {
      if (phase.hold === "screen") this.openMenu(this.livePauseWords(live.pausesLeft));
      return;
    }
    if (!turning || phase.phase !== "playing") return;
    phase.hold = "screen";
    this.askLivePause(live);
  }

  /** The screen's shape no longer matches the round's field (it plays small). */
  private turned(): boolean {
    const tall = this.scene.scale.height > this.scene.scale.width;
    return (tall ? "portrait" : "landscape") !== this.parts.orientation();
  }

  private screenWords(): PauseWords {
    const touch = this.scene.sys.game.device.input.touch;
    return screenWords(this.turned(), touch, this.parts.orientation());
  }

  private backHere() {
    const { phase } = this.parts;
    if (phase.phase !== "paused" || phase.hold !== "elsewhere") return;
    if (getNet().connection !== "online") return;
    phase.hold = null;
    this.openMenu({ title: "Your round is paused", message: "Resume when you're ready." });
  }
}
