import { RaceMatchmaker } from "@gift-grab/contracts";
import { rpcError } from "../../runtime/errors";

/**
 * The only matchmaker tickets the game takes are races (RaceMatchmaker): the string property
 * `mode: race`, a query that asks for race tickets, and counts within 2–4. So every set the
 * matchmaker finds is a race the hook can seat, and Nakama never falls back to handing out a
 * token for a relayed match (which would have no referee).
 */
export function raceTicketIssue(add: Partial<nkruntime.MatchmakerAddMessage> | undefined) {
  if (!add) return "no ticket";
  if (add.stringProperties?.mode !== RaceMatchmaker.mode)
    return `the string property mode must be "${RaceMatchmaker.mode}"`;
  if (typeof add.query !== "string" || !add.query.includes(RaceMatchmaker.query))
    return `the query must ask for ${RaceMatchmaker.query}`;
  const min = Number(add.minCount);
  const max = Number(add.maxCount);
  if (!(min >= RaceMatchmaker.minCount && max <= RaceMatchmaker.maxCount && min <= max))
    return `min and max count must be within ${RaceMatchmaker.minCount}–${RaceMatchmaker.maxCount}`;
  return null;
}

/** Refuses a ticket that is not a race with invalid_payload (an error envelope; the socket stays). */
export function checkRaceTicket(envelope: nkruntime.Envelope): void {
  const issue = raceTicketIssue(
    (envelope as Partial<nkruntime.EnvelopeMatchmakerAdd>).matchmakerAdd,
  );
  if (issue) throw rpcError("invalid_payload", `matchmaker add: ${issue}`);
}
