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
 * Replays the inputs on the ticket's params and checks the claimed score against it. Inputs
 * of the wrong length are bad input (400, naming `inputs`); a claim the replay doesn't
 * reproduce is `score_mismatch`. Both leave the ticket untouched.
 */
export function replayRound(
  ticket: Ticket,
  input: { score: number; inputs: readonly InputRun[] },
): ReplayedRound {
  const issue = inputsIssue(input.inputs, ticket.duration_ms);
  if (issue) throw rpcError("invalid_payload", `round_submit: inputs: ${issue}`);
  const run = replay(ticket, input.inputs);
  if (run.score !== input.score) {
    throw rpcError(
      "score_mismatch",
      `round_submit: the inputs replay to ${run.score}, not ${input.score}`,
    );
  }
  return { score: run.score, gifts: run.gifts, power_ups_used: run.power_ups_used };
}
