import { describe, expect, it } from "vitest";
import { livePauseWords, screenWords } from "../../../src/views/round/pause-words";

describe("what the pause menu says", () => {
  it("says how to turn the screen back, by device, and when it fits again", () => {
    expect(screenWords(true, true, "portrait").message).toBe(
      "Turn your phone back to continue at full size, or continue as it is.",
    );
    expect(screenWords(true, false, "landscape").message).toMatch(/^Make the window wider again/);
    expect(screenWords(false, true, "portrait")).toEqual({
      title: "Paused",
      message: "The round fits the screen again.",
      resume: "Resume",
    });
  });

  it("counts a live round's pauses left and when the server goes on", () => {
    expect(livePauseWords(null, 2, 9500).message).toBe(
      "2 pauses left in this round. It goes on by itself in 10 s.",
    );
    const screen = screenWords(false, true, "portrait");
    expect(livePauseWords(screen, 1)).toMatchObject({
      title: "Paused",
      message: "The round fits the screen again. 1 pause left in this round.",
      resume: "Resume",
    });
  });
});
