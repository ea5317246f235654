import type { InputRun } from "@gift-grab/simulation";
import { inputsIssue, replay } from "@gift-grab/simulation";
import { rpcError } from "../runtime/errors";
import type { Ticket } from "./tickets";

/** What a round scored, by the server's own replay. */
export interface ReplayedRound {
  score: number;
  gifts: number;
  power_ups_used: number;
}

/**
 * Inputs of the wrong length for the ticket's round are bad input (400, naming `inputs`),
 * refused before anything costly: one pass adding up the ticks. Every run is a tick or more,
 * so this also holds the number of runs to the round's own ticks.
 */
export function assertInputsFitRound(ticket: Ticket, inputs: readonly InputRun[]): void {
  const issue = inputsIssue(inputs, ticket.duration_ms);
  if (issue) throw rpcError("invalid_payload", `round_submit: inputs: ${issue}`);
}

/**
 * Replays the inputs on the ticket's params: the round as the server scores it, or why it
 * does not reproduce the claimed score (score_mismatch's detail). The expensive step of a
 * submit, run once per ticket (round-submit.ts).
 */
export function replayRound(
  ticket: Ticket,
  input: { score: number; inputs: readonly InputRun[] },
): { run: ReplayedRound; mismatch?: undefined } | { mismatch: string; run?: undefined } {
  const run = replay(ticket, input.inputs);
  if (run.score !== input.score) {
    return { mismatch: `round_submit: the inputs replay to ${run.score}, not ${input.score}` };
  }
  return { run: { score: run.score, gifts: run.gifts, power_ups_used: run.power_ups_used } };
}
