import type { ServerConfig } from "../config/server-config";
import { createNet } from "../net";
import type { GameNet } from "../net/types";

/** The one place that creates the game's GameNet. */
export function createNetLayer(config: ServerConfig): GameNet {
  return createNet(config);
}
