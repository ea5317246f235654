import { createRound, type RoundState, stepRace, stepTick } from "@gift-grab/simulation";
import { describe, expect, it } from "vitest";
import { seatView } from "../../../src/play/live/prediction";
import { hudTexts } from "../../../src/views/round/hud-texts";

/** A race of two, 2 s long, a second from its end: seat 0 on 7 with a flame, seat 1 on a cookie. */
function raceNearItsEnd(): RoundState {
  const s = createRound({ seed: 3, durationMs: 2000, santas: 2 });
  s.tick = s.ticks - 60;
  s.score = 7;
  s.flameUntil = s.tick + 240;
  const other = s.others[0];
  if (!other) throw new Error("no second seat");
  other.cookieUntil = s.tick + 300;
  return s;
}

function playOut(s: RoundState) {
  while (!s.over)
    if (s.others.length === 0) stepTick(s, 0, 0);
    else
      stepRace(s, [
        [0, 0],
        [0, 0],
      ]);
}

describe("the round's HUD words", () => {
  it("give a racer their own score, time and power-up countdowns", () => {
    const s = raceNearItsEnd();
    expect(hudTexts(s, null)).toEqual({
      score: "Score: 7",
      time: "Time: 1 secs",
      power: "Flame Time: 1",
      secs: 1,
    });
    expect(hudTexts(seatView(s, 1), "Race replay")).toMatchObject({
      score: "Score: 0",
      time: "Race replay\nTime: 1 secs",
      power: "Cookie: 1",
    });
  });

  it("give a spectator of a race no score and no power-up of the Santa the field follows", () => {
    const s = raceNearItsEnd();
    expect(hudTexts(s, "Race replay", false)).toEqual({
      score: "",
      time: "Race replay\nTime: 1 secs",
      power: "",
      secs: 1,
    });
  });

  it("show no power-up countdown once the round is over, though the power-up outlasted it", () => {
    const s = raceNearItsEnd();
    playOut(s);
    for (const seat of [0, 1])
      expect(hudTexts(seatView(s, seat), "Race replay")).toMatchObject({
        time: "Race replay\nTime: 0 secs",
        power: "",
      });
    // A solo round (the solo Watch) the same; the countdown ends with the time left.
    const solo = createRound({ seed: 4, durationMs: 2000 });
    solo.cookieUntil = solo.ticks + 120;
    expect(hudTexts(solo, "Someone's run").power).toBe("Cookie: 2");
    playOut(solo);
    expect(hudTexts(solo, "Someone's run").power).toBe("");
  });
});
