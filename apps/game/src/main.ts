import * as Phaser from "phaser";
import { gameConfig } from "./config/game-config";
import { chooseRenderer, probeWebGL, readRendererRequest } from "./config/renderer";

const renderer = chooseRenderer(readRendererRequest(window.location.search), probeWebGL());
// The test build's window API: a module of its own, imported only in test and dev builds, so
// production bundles never contain it.
const probe =
  import.meta.env.DEV || import.meta.env.MODE === "test"
    ? await import("./test-probe/install")
    : null;
const game = new Phaser.Game(gameConfig(renderer.kind));
probe?.installTestProbe(game, renderer);
