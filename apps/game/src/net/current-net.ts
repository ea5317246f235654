import type { GameNet } from "./types";

/** The one GameNet of the whole game, created by Boot. */
let current: GameNet | null = null;

export function setNet(net: GameNet): void {
  current = net;
}

export function getNet(): GameNet {
  if (!current) throw new Error("the net layer is not ready yet (Boot creates it)");
  return current;
}
