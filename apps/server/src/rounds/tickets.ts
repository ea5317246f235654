import type { RpcResponse, roundSubmit, TicketRecord } from "@gift-grab/contracts";
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

/** "Identical" submit: same ticket (the storage key) and the same score and stats. */
export function submitFingerprint(input: {
  score: number;
  gifts: number;
  power_ups_used: number;
}): string {
  return `${input.score}|${input.gifts}|${input.power_ups_used}`;
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
