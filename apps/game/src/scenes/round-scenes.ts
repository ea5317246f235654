import { GameOverScene } from "./game-over";
import { RoundScene } from "./round";

/** The round's scenes by key: one chunk, loaded when a round is first played or watched (open-round.ts). */
export const roundScenes = {
  Round: RoundScene,
  GameOver: GameOverScene,
} as const;
