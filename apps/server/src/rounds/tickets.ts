import type { RpcResponse, roundSubmit } from "@gift-grab/contracts";

/**
 * A round's ticket: a storage object owned by the player, invisible to clients
 * (permissionRead 0, permissionWrite 0). Its key is the ticket id.
 *
 * open → claimed (one submit won the version race and is writing the record) → done
 * (the result is kept so an identical retry gets it back).
 */
export const TICKETS_COLLECTION = "round_tickets";

export type SubmitResult = RpcResponse<typeof roundSubmit>;

export interface Ticket {
  started_at: number;
  duration_ms: number;
  seed: number;
  /** After this, the ticket can no longer be submitted. */
  expires_at: number;
  state: "open" | "claimed" | "done";
  /** What was submitted (see submitFingerprint), once claimed. */
  fingerprint?: string;
  /** When the current claim was made (epoch ms). */
  claimed_at?: number;
  result?: SubmitResult;
}

export interface StoredTicket {
  ticket: Ticket;
  version: string;
}

/** "Identical" submit: same ticket (the storage key) and the same score and stats. */
export function submitFingerprint(input: {
  score: number;
  gifts: number;
  power_ups_used: number;
}): string {
  return `${input.score}|${input.gifts}|${input.power_ups_used}`;
}

export function readTicket(nk: nkruntime.Nakama, userId: string, id: string): StoredTicket | null {
  const [obj] = nk.storageRead([{ collection: TICKETS_COLLECTION, key: id, userId }]);
  if (!obj) return null;
  return { ticket: obj.value as Ticket, version: obj.version };
}

export function ticketWrite(
  userId: string,
  id: string,
  ticket: Ticket,
  version: string,
): nkruntime.StorageWriteRequest {
  return {
    collection: TICKETS_COLLECTION,
    key: id,
    userId,
    value: ticket,
    version,
    permissionRead: 0,
    permissionWrite: 0,
  };
}
