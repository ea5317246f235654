import * as Phaser from "phaser";
import { AccountScene } from "../scenes/AccountScene";
import { BootScene } from "../scenes/BootScene";
import { GameOverScene } from "../scenes/GameOverScene";
import { GameScene } from "../scenes/GameScene";
import { LeaderboardScene } from "../scenes/LeaderboardScene";
import { MenuScene } from "../scenes/MenuScene";
import { OverlayScene } from "../scenes/OverlayScene";
import { SettingsScene } from "../scenes/SettingsScene";
import { SignInScene } from "../scenes/SignInScene";
import { colors, css } from "../ui/theme";
import type { RendererKind } from "./renderer";

/** The one Phaser GameConfig. Overlay is last so it draws on top of every other scene. */
export const gameConfig = (
  renderer: RendererKind,
  /** The canvas in its own pixels, and its CSS size as a fraction of that (1 / pixel ratio). */
  canvas: { width: number; height: number; zoom: number },
): Phaser.Types.Core.GameConfig => ({
  type: renderer === "webgl" ? Phaser.WEBGL : Phaser.CANVAS,
  parent: "game",
  backgroundColor: css(colors.night),
  // Sized by main.ts (fitCanvas) at the device pixel ratio, not by Phaser's RESIZE mode.
  scale: { mode: Phaser.Scale.NONE, ...canvas },
  input: { activePointers: 3 },
  scene: [
    BootScene,
    SignInScene,
    MenuScene,
    AccountScene,
    SettingsScene,
    LeaderboardScene,
    GameScene,
    GameOverScene,
    OverlayScene,
  ],
});
