import * as Phaser from "phaser";
import { gameConfig } from "./config/game-config";
import { installTestApi, provideToTests, setTestPresser } from "./test-api";
import { buttonsForTests, pressForTests } from "./ui/focus";

installTestApi();
const game = new Phaser.Game(gameConfig);
provideToTests("buttons", () => buttonsForTests(game));
provideToTests("frame", () => game.loop.frame);
setTestPresser(pressForTests);
