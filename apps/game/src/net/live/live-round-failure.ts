/**
 * A live round that could not be joined: no socket open, or the match refused the join. Its
 * own module: the messages and the round gate (first load) tell it apart without LiveMatch
 * (loaded with the first round or race).
 */
export class LiveRoundFailure extends Error {
  override name = "LiveRoundFailure";
  constructor(readonly kind: "unreachable" | "refused") {
    super(`live round: ${kind}`);
  }
}
