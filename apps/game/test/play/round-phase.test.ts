import { describe, expect, it } from "vitest";
import { RoundPhase } from "../../src/play/round-phase";

/** A round phase on a bus that records each status it announces, and the steering it sets. */
function phase() {
  const said: unknown[] = [];
  const game = { events: { emit: (_name: string, payload: unknown) => said.push(payload) } };
  const steer = { enabled: false, released: 0, release: () => steer.released++ };
  const p = new RoundPhase({ game } as never, steer);
  return { p, said, steer };
}

describe("a round's phase", () => {
  it("steers only in play, and a pause returns to where it was", () => {
    const { p, said, steer } = phase();
    p.enter("countdown");
    expect(steer.enabled).toBe(false);
    expect(p.stop()).toBe(true);
    expect(p.stop()).toBe(false);
    // The countdown ran out under the pause: Resume goes on in play.
    p.enter("playing");
    expect(p.phase).toBe("paused");
    p.run(p.pausedFrom);
    expect(p.phase).toBe("playing");
    expect(steer.enabled).toBe(true);
    expect(said).toEqual([{ status: "countdown" }, { status: "paused" }, { status: "playing" }]);
  });

  it("lets Santa go at a pause and at the end, and stops nothing that is over", () => {
    const { p, steer } = phase();
    p.run("playing");
    p.stop();
    expect([steer.enabled, steer.released]).toEqual([false, 1]);
    p.run("playing");
    p.end();
    expect([p.phase, steer.enabled, steer.released]).toEqual(["over", false, 2]);
    expect(p.stop()).toBe(false);
  });

  it("toggles Watch's playback between playing and paused", () => {
    const { p, said } = phase();
    p.run("playing");
    expect(p.toggleWatch()).toBe(true);
    expect(p.toggleWatch()).toBe(false);
    expect(said.slice(1)).toEqual([{ status: "paused" }, { status: "playing" }]);
  });
});
