import * as Phaser from "phaser";
import { musicFollowsGame } from "./audio/music-follows-game";
import { gameConfig } from "./config/game-config";
import { canvasSize, readPixelRatio } from "./config/pixel-ratio";
import { chooseRenderer, probeWebGL, readRendererRequest } from "./config/renderer";

const renderer = chooseRenderer(readRendererRequest(window.location.search), probeWebGL());
// The test build's window API: a module of its own, imported only in test and dev builds, so
// production bundles never contain it.
const probe =
  import.meta.env.DEV || import.meta.env.MODE === "test"
    ? await import("./test-probe/install")
    : null;

const parent = document.getElementById("game") as HTMLElement;
/** The canvas at the device's pixel ratio (capped; 1× on Canvas), shown at the parent's CSS size. */
function fit() {
  const ratio = readPixelRatio(window.devicePixelRatio, window.location.search, renderer.kind);
  return { ...canvasSize(parent.clientWidth, parent.clientHeight, ratio), zoom: 1 / ratio };
}
const game = new Phaser.Game(gameConfig(renderer.kind, fit()));
musicFollowsGame(game);
new ResizeObserver(() => {
  const { width, height, zoom } = fit();
  if (zoom !== game.scale.zoom) game.scale.setZoom(zoom);
  if (width !== game.scale.width || height !== game.scale.height) game.scale.resize(width, height);
}).observe(parent);
probe?.installTestProbe(game, renderer);
