import { describe, expect, it } from "vitest";
import { describeIssues } from "../src/issues";
import { roundSubmit } from "../src/rpcs/round-submit";

const detail = (inputs: unknown) => {
  const r = roundSubmit.request.safeParse({ ticket: "t", score: 0, inputs });
  return r.success ? null : describeIssues(r.error);
};

describe("round_submit's inputs on the wire", () => {
  it("accepts integer runs of ≥ 1 tick with directions in ±100", () => {
    expect(detail([[1800, 100, -100]])).toBeNull();
    expect(detail([])).toBeNull(); // the length against the round is the server's check
  });

  it.each([
    [undefined, "inputs: expected array"],
    [{ 0: [1, 0, 0] }, "inputs: expected array"],
    [[5], "inputs.0: expected tuple"],
    [[[1, 0]], "inputs.0: must be >= 3"],
    [[[1, 0, 0, 0]], "inputs.0: must be <= 3"],
    [
      [
        [1, 0, 0],
        [0, 0, 0],
      ],
      "inputs.1.0: must be >= 1",
    ],
    [[[1.5, 0, 0]], "inputs.0.0: expected int"],
    [[[1, 101, 0]], "inputs.0.1: must be <= 100"],
    [[[1, 0, -101]], "inputs.0.2: must be >= -100"],
    [[[1, "0", 0]], "inputs.0.1: expected int"],
    [[[1, 0, Number.NaN]], "inputs.0.2: expected int"],
  ])("refuses %j naming the field", (inputs, message) => {
    expect(detail(inputs)).toBe(message);
  });
});
