import * as Phaser from "phaser";
import { BootScene } from "../scenes/BootScene";

/** The one Phaser GameConfig. */
export const gameConfig: Phaser.Types.Core.GameConfig = {
  type: Phaser.WEBGL,
  parent: "game",
  backgroundColor: "#0b1a33",
  scale: {
    mode: Phaser.Scale.RESIZE,
    width: "100%",
    height: "100%",
  },
  scene: [BootScene],
};
