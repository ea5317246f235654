import * as Phaser from "phaser";
import { gameConfig } from "./config/game-config";
import { chooseRenderer, probeWebGL, readRendererRequest } from "./config/renderer";
import { installTestApi, provideToTests, setTestPresser } from "./test-api";
import { buttonsForTests, pressForTests } from "./ui/focus";

installTestApi();
const renderer = chooseRenderer(readRendererRequest(window.location.search), probeWebGL());
const game = new Phaser.Game(gameConfig(renderer.kind));
provideToTests("renderer", () => renderer);
provideToTests("buttons", () => buttonsForTests(game));
provideToTests("frame", () => game.loop.frame);
setTestPresser(pressForTests);
