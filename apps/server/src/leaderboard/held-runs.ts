import { type HeldRunRecord, heldRunId } from "@gift-grab/contracts";
import { Owned } from "../runtime/owned-storage";
import {
  deleteOwnedAt,
  listOwned,
  type OwnedPage,
  type OwnedRead,
  type OwnedWrite,
  ownedWrite,
  readOwned,
  SYSTEM_USER,
  writeOwned,
} from "../runtime/storage";

/**
 * Runs held for review (docs/realtime.md "Plausibility"): one object per run in
 * Owned.heldRuns, owned by the system user, so one listing finds them all; keyed by when it
 * was played and its match (heldRunId), so that listing goes oldest first.
 */

/** The write that holds a run: only if its id is new ("*"; a match holds one run at most). */
export function holdWrite(run: HeldRunRecord): OwnedWrite {
  return ownedWrite(
    Owned.heldRuns,
    SYSTEM_USER,
    heldRunId(run.played_at, run.live.match_id),
    run,
    "*",
  );
}

export function readHeld(
  nk: nkruntime.Nakama,
  logger: nkruntime.Logger,
  id: string,
): OwnedRead<HeldRunRecord> {
  return readOwned(nk, logger, Owned.heldRuns, SYSTEM_USER, id);
}

/** A page of held runs, oldest first. */
export function listHeld(
  nk: nkruntime.Nakama,
  logger: nkruntime.Logger,
  limit: number,
  cursor?: string,
): OwnedPage<HeldRunRecord> {
  return listOwned(nk, logger, Owned.heldRuns, SYSTEM_USER, limit, cursor);
}

/**
 * Takes a held run out of the queue for a decision, if it is still at the version read: true
 * for the one caller that did, false when another decision took it first.
 */
export function claimHeld(nk: nkruntime.Nakama, id: string, version: string): boolean {
  return deleteOwnedAt(nk, Owned.heldRuns, SYSTEM_USER, id, version);
}

/** Puts a claimed run back (its decision failed half way): it can be decided again. */
export function unclaimHeld(nk: nkruntime.Nakama, run: HeldRunRecord) {
  writeOwned(nk, [holdWrite(run)]);
}
