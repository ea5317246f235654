import type { NetTimings } from "../config/net-timings";
import type { ServerConfig } from "../config/server-config";
import { NakamaNet } from "./nakama-net";
import type { GameNet } from "./types";

/** The session var naming this build, e.g. "web-1.2.0" (ClientTag in the contracts). */
export const CLIENT_TAG = `web-${import.meta.env.VITE_CLIENT_VERSION ?? "dev"}`;

/** The game's one net layer (Boot creates it once; net/current-net.ts hands it to the scenes). */
export function createNet(config: ServerConfig, timings?: NetTimings): GameNet {
  return new NakamaNet({ config, timings, clientTag: CLIENT_TAG });
}
