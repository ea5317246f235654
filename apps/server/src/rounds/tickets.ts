import { type RpcResponse, type roundSubmit, TicketRecord } from "@gift-grab/contracts";
import { canonicalInputs, type InputRun } from "@gift-grab/simulation";

/**
 * A round's ticket: a storage object owned by the player, invisible to clients
 * (permissionRead 0, permissionWrite 0). Its key is the ticket id; its value is a
 * TicketRecord (contracts), parsed on every read.
 *
 * open → claimed (one submit won the version race and is writing the record) → done
 * (the result is kept so an identical retry gets it back).
 */
export const TICKETS_COLLECTION = "round_tickets";

export type SubmitResult = RpcResponse<typeof roundSubmit>;

export type Ticket = TicketRecord;

export interface StoredTicket {
  ticket: Ticket;
  version: string;
}

/**
 * "Identical" submit: same ticket (the storage key), score and inputs. The inputs enter as
 * a SHA-256 of their canonical encoding, so a retry that merges runs differently is the same.
 */
export function submitFingerprint(
  nk: nkruntime.Nakama,
  input: { score: number; inputs: readonly InputRun[] },
): string {
  return `${input.score}|${nk.sha256Hash(JSON.stringify(canonicalInputs(input.inputs)))}`;
}

/** The caller's ticket, or null when there is none (or none the module can read). */
export function readTicket(nk: nkruntime.Nakama, userId: string, id: string): StoredTicket | null {
  const [obj] = nk.storageRead([{ collection: TICKETS_COLLECTION, key: id, userId }]);
  if (!obj) return null;
  const parsed = TicketRecord.safeParse(obj.value);
  return parsed.success ? { ticket: parsed.data, version: obj.version } : null;
}

/** The caller's tickets with these ids that exist and parse (one storage read). */
export function readTickets(nk: nkruntime.Nakama, userId: string, ids: string[]): Ticket[] {
  if (!ids.length) return [];
  const objects = nk.storageRead(
    ids.map((key) => ({ collection: TICKETS_COLLECTION, key, userId })),
  );
  const tickets: Ticket[] = [];
  for (const obj of objects) {
    const parsed = TicketRecord.safeParse(obj.value);
    if (parsed.success) tickets.push(parsed.data);
  }
  return tickets;
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
