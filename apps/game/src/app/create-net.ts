import type { NetTimings } from "../config/net-timings";
import type { ServerConfig } from "../config/server-config";
import { createNet } from "../net";
import type { GameNet } from "../net/types";

/** The one place that creates the game's GameNet. */
export function createNetLayer(config: ServerConfig, timings?: NetTimings): GameNet {
  return createNet(config, timings);
}
