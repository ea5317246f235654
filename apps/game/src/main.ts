import * as Phaser from "phaser";
import { gameConfig } from "./config/game-config";
import { installTestApi } from "./test-api";

installTestApi();
new Phaser.Game(gameConfig);
