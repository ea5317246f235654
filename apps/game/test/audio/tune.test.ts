import { describe, expect, it } from "vitest";
import {
  frequencyOf,
  LOOP_BEATS,
  type Note,
  notesBetween,
  secondsPerBeat,
  TUNE,
} from "../../src/audio/tune";

const spb = secondsPerBeat();
const loop = LOOP_BEATS * spb;

describe("the tune", () => {
  it("fills each of its bars: every voice's notes add up to the loop", () => {
    for (const voice of ["melody", "bass"] as const) {
      const notes = TUNE.filter((n) => n.voice === voice);
      expect(notes.reduce((sum, n) => sum + n.beats, 0)).toBe(LOOP_BEATS);
      // back to back: each note starts where the one before ends
      for (let i = 1; i < notes.length; i++) {
        const prev = notes[i - 1] as Note;
        expect((notes[i] as Note).at).toBe(prev.at + prev.beats);
      }
    }
    expect(TUNE.filter((n) => n.voice === "bell")).toHaveLength(LOOP_BEATS);
    expect(TUNE[0]).toEqual({ voice: "melody", pitch: 76, at: 0, beats: 1 }); // E5
  });

  it("tunes A4 to 440 Hz, an octave doubling", () => {
    expect(frequencyOf(69)).toBe(440);
    expect(frequencyOf(81)).toBeCloseTo(880, 9);
  });
});

describe("which notes fall in a window of time", () => {
  it("gives the notes starting in [from, to), timed in seconds", () => {
    const first = notesBetween(0, spb * 0.5);
    expect(first.map((t) => t.note.voice).sort()).toEqual(["bass", "bell", "melody"]);
    expect(first.every((t) => t.time === 0)).toBe(true);
    // the window's end is open: beat 1's notes belong to the next window
    expect(notesBetween(0, spb).every((t) => t.time === 0)).toBe(true);
    expect(notesBetween(spb, spb * 1.01).map((t) => t.time)).toEqual([spb, spb]);
    expect(notesBetween(2, 2)).toEqual([]);
    expect(notesBetween(3, 2)).toEqual([]);
  });

  it("plays every note once, however time is sliced, across loops", () => {
    const slices = [0.1, 0.37, 0.5, 1.3, 0.013];
    const seen: string[] = [];
    let t = 0;
    for (let i = 0; t < loop * 2.5; i++) {
      const next = t + (slices[i % slices.length] as number);
      for (const n of notesBetween(t, next)) seen.push(`${n.note.voice}@${n.time.toFixed(6)}`);
      t = next;
    }
    const whole = notesBetween(0, t).map((n) => `${n.note.voice}@${n.time.toFixed(6)}`);
    expect(seen).toEqual(whole);
    expect(new Set(seen).size).toBe(seen.length);
    expect(whole.length).toBeGreaterThan(TUNE.length * 2);
  });

  it("starts the tune again after its last bar", () => {
    const wrap = notesBetween(loop - spb * 0.5, loop + spb * 0.5);
    const again = wrap.filter((n) => n.time >= loop);
    expect(again.map((n) => n.time - loop)).toEqual([0, 0, 0]);
    expect(again.find((n) => n.note.voice === "melody")?.note).toBe(TUNE[0]);
    // the last bar holds its C5 and bass: nothing starts in the loop's last half beat
    expect(wrap.filter((n) => n.time < loop)).toEqual([]);
    expect(notesBetween(loop * 3 + 0.001, loop * 3 + spb).length).toBe(0);
  });
});
