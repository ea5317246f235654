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
export const gameConfig = (renderer: RendererKind): Phaser.Types.Core.GameConfig => ({
  type: renderer === "webgl" ? Phaser.WEBGL : Phaser.CANVAS,
  parent: "game",
  backgroundColor: css(colors.night),
  scale: {
    mode: Phaser.Scale.RESIZE,
    width: "100%",
    height: "100%",
  },
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
