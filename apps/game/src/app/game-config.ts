import * as Phaser from "phaser";
import { colors, css } from "../config/palette";
import type { RendererKind } from "../config/renderer";
import { AccountScene } from "../scenes/account";
import { BootScene } from "../scenes/boot";
import { LeaderboardScene } from "../scenes/leaderboard";
import { MenuScene } from "../scenes/menu";
import { OverlayScene } from "../scenes/overlay";
import { SettingsScene } from "../scenes/settings";
import { SharedRunScene } from "../scenes/shared-run";
import { SignInScene } from "../scenes/sign-in";

/**
 * The one Phaser GameConfig. Overlay is last so it draws on top of every other scene. The
 * round's scenes and the race's load when first wanted (scenes/open-round.ts, open-race.ts).
 */
export const gameConfig = (
  renderer: RendererKind,
  /** The canvas in its own pixels, and its CSS size as a fraction of that (1 / pixel ratio). */
  canvas: { width: number; height: number; zoom: number },
  /** The entry's own scenes, before Overlay. */
  extra: Phaser.Types.Scenes.SceneType[] = [],
): Phaser.Types.Core.GameConfig => ({
  type: renderer === "webgl" ? Phaser.WEBGL : Phaser.CANVAS,
  parent: "game",
  backgroundColor: css(colors.night),
  // Sized by start-game.ts (fit) at the device pixel ratio, not by Phaser's RESIZE mode.
  scale: { mode: Phaser.Scale.NONE, ...canvas },
  input: { activePointers: 3 },
  scene: [
    BootScene,
    SignInScene,
    MenuScene,
    AccountScene,
    SettingsScene,
    LeaderboardScene,
    SharedRunScene,
    ...extra,
    OverlayScene,
  ],
});
