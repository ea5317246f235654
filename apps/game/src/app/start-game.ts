import * as Phaser from "phaser";
import { musicFollowsGame } from "../audio/music-follows-game";
import { prefetchClientConfig } from "../config/client-config";
import { canvasSize, readPixelRatio } from "../config/pixel-ratio";
import {
  chooseRenderer,
  probeWebGL,
  type RendererChoice,
  readRendererRequest,
} from "../config/renderer";
import { defaultLaunchOptions, type LaunchOptions, setLaunchOptions } from "../core/launch-options";
import { gameConfig } from "./game-config";

export interface StartOptions {
  /** Scenes of the entry's own, added to the list (the test build's bench round). */
  scenes?: Phaser.Types.Scenes.SceneType[];
  launch?: LaunchOptions;
}

/**
 * Builds the game into `#game`: the renderer (`?renderer=`), the canvas at the device's pixel
 * ratio (`?dpr=`), kept fitted to the page, and the music following the screens.
 */
export function startGame(options: StartOptions = {}): {
  game: Phaser.Game;
  renderer: RendererChoice;
} {
  prefetchClientConfig();
  const renderer = chooseRenderer(readRendererRequest(window.location.search), probeWebGL());
  const parent = document.getElementById("game") as HTMLElement;
  /** The canvas at the device's pixel ratio (capped; 1× on Canvas), shown at the parent's CSS size. */
  const fit = () => {
    const ratio = readPixelRatio(window.devicePixelRatio, window.location.search, renderer.kind);
    return { ...canvasSize(parent.clientWidth, parent.clientHeight, ratio), zoom: 1 / ratio };
  };
  const game = new Phaser.Game(gameConfig(renderer.kind, fit(), options.scenes ?? []));
  setLaunchOptions(game, options.launch ?? defaultLaunchOptions);
  musicFollowsGame(game);
  new ResizeObserver(() => {
    const { width, height, zoom } = fit();
    if (zoom !== game.scale.zoom) game.scale.setZoom(zoom);
    if (width !== game.scale.width || height !== game.scale.height)
      game.scale.resize(width, height);
  }).observe(parent);
  return { game, renderer };
}
