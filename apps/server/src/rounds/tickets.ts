import type { RpcResponse, roundSubmit, TicketRecord } from "@gift-grab/contracts";
import { canonicalInputs, type InputRun } from "@gift-grab/simulation";
import { Owned } from "../runtime/owned-storage";
import { type OwnedWrite, ownedWrite, readOwned } from "../runtime/storage";

/**
 * A round's ticket: a storage object owned by the player, invisible to clients
 * (Owned.roundTickets). Its key is the ticket id.
 *
 * open → claimed (one submit won the version race and is writing the record) → done
 * (the result is kept so an identical retry gets it back).
 */
export type Ticket = TicketRecord;

export type SubmitResult = RpcResponse<typeof roundSubmit>;

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

/** The ticket, or null when there is none or it does not parse (a round the server never started). */
export function readTicket(
  nk: nkruntime.Nakama,
  logger: nkruntime.Logger,
  userId: string,
  id: string,
): StoredTicket | null {
  const { value, version } = readOwned(nk, logger, Owned.roundTickets, userId, id);
  return value ? { ticket: value, version } : null;
}

export function ticketWrite(
  userId: string,
  id: string,
  ticket: Ticket,
  version: string,
): OwnedWrite {
  return ownedWrite(Owned.roundTickets, userId, id, ticket, version);
}
