import { startGame } from "./app/start-game";

// The product's entry: the game and nothing else. The test build starts from test-entry/main.ts.
startGame();
