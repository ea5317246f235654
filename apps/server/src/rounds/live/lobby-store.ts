import type { RaceLobbyRecord } from "@gift-grab/contracts";
import { Owned } from "../../runtime/owned-storage";
import {
  deleteOwned,
  type OwnedWrite,
  ownedWrite,
  readOwned,
  SYSTEM_USER,
} from "../../runtime/storage";

/** A new code's record: written only if the code is free ("*"). */
export function lobbyCreateWrite(code: string, lobby: RaceLobbyRecord): OwnedWrite {
  return ownedWrite(Owned.raceLobbies, SYSTEM_USER, code, lobby, "*");
}

export function lobbyUpdateWrite(code: string, lobby: RaceLobbyRecord, version: string) {
  return ownedWrite(Owned.raceLobbies, SYSTEM_USER, code, lobby, version);
}

/**
 * The lobby a code leads to, if it has not expired. An expired record is deleted when read:
 * its code is then free again (a new lobby could draw it, 1 in 2^50).
 */
export function readLobby(
  nk: nkruntime.Nakama,
  logger: nkruntime.Logger,
  code: string,
  now: number,
): { lobby: RaceLobbyRecord; version: string } | null {
  const { value, version } = readOwned(nk, logger, Owned.raceLobbies, SYSTEM_USER, code);
  if (!value) return null;
  if (value.expires_at <= now) {
    deleteOwned(nk, Owned.raceLobbies, SYSTEM_USER, [code]);
    return null;
  }
  return { lobby: value, version };
}
