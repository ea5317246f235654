import type { RaceRecord } from "@gift-grab/contracts";
import { Owned } from "../../runtime/owned-storage";
import { type OwnedWrite, ownedWrite, readOwned, SYSTEM_USER } from "../../runtime/storage";

export function raceWrite(matchId: string, race: RaceRecord): OwnedWrite {
  return ownedWrite(Owned.raceReplays, SYSTEM_USER, matchId, race);
}

export function readRace(
  nk: nkruntime.Nakama,
  logger: nkruntime.Logger,
  matchId: string,
): RaceRecord | null {
  return readOwned(nk, logger, Owned.raceReplays, SYSTEM_USER, matchId).value ?? null;
}
