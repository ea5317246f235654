import { normalizeRaceCode, type RaceLobbyRecord } from "@gift-grab/contracts";
import { rpcError } from "../../runtime/errors";
import type { LobbySignal, SignalAnswer } from "./lobby-signal";
import { readLobby } from "./lobby-store";

/** What the friend race's RPCs share: a code read (or 404) and a signal to its match. */
export function lobbyByCode(
  nk: nkruntime.Nakama,
  logger: nkruntime.Logger,
  rpc: string,
  typed: string,
  now = Date.now(),
): { code: string; lobby: RaceLobbyRecord; version: string } {
  const code = normalizeRaceCode(typed);
  const found = code ? readLobby(nk, logger, code, now) : null;
  if (!code || !found) throw rpcError("race_code_unknown", `${rpc}: no open race has this code`);
  return { code, ...found };
}

/**
 * Asks the lobby's match (nk.matchSignal); null when the match is gone (closed or expired: it
 * lives on one node and never outlives its lobby) or did not answer.
 */
export function signalLobby(
  nk: nkruntime.Nakama,
  logger: nkruntime.Logger,
  matchId: string,
  signal: LobbySignal,
): SignalAnswer | null {
  let raw: string;
  try {
    raw = nk.matchSignal(matchId, JSON.stringify(signal));
  } catch (err) {
    logger.debug("race lobby %s: signal %s: %s", matchId, signal.op, String(err));
    return null;
  }
  try {
    return JSON.parse(raw) as SignalAnswer;
  } catch {
    return null;
  }
}
