/**
 * The background tune as data, and when its notes fall: pure, so the player (music.ts) only
 * asks "which notes start between these two moments?" of the audio clock. The tune is the
 * refrain of "Jingle Bells" (J. L. Pierpont, 1857; public domain): 16 bars of melody over a
 * root-fifth bass and a sleigh bell on every beat, looping.
 */
export type Voice = "melody" | "bass" | "bell";

export interface Note {
  voice: Voice;
  /** MIDI note number (60 = middle C); the bell ignores it. */
  pitch: number;
  /** Start and length in beats (quarter notes) from the start of the loop. */
  at: number;
  beats: number;
}

export const BEATS_PER_MINUTE = 168;
const BEATS_PER_BAR = 4;

const NAMES: Record<string, number> = { C: 0, D: 2, E: 4, F: 5, G: 7, A: 9, B: 11 };
/** "E5" → 76. */
function midi(name: string): number {
  const step = NAMES[name[0] ?? ""];
  if (step === undefined) throw new Error(`not a note: ${name}`);
  return 12 * (Number(name.slice(1)) + 1) + step;
}

/** Each bar: notes as "pitch:beats", adding up to 4 beats. Both halves open alike. */
const OPENING = [
  "E5:1 E5:1 E5:2",
  "E5:1 E5:1 E5:2",
  "E5:1 G5:1 C5:1.5 D5:0.5",
  "E5:4",
  "F5:1 F5:1 F5:1.5 F5:0.5",
  "F5:1 E5:1 E5:1 E5:0.5 E5:0.5",
];
const MELODY = [
  ...OPENING,
  "E5:1 D5:1 D5:1 E5:1",
  "D5:2 G5:2",
  ...OPENING,
  "G5:1 G5:1 F5:1 D5:1",
  "C5:4",
];
/** Each bar's chord root; the bass plays root then fifth, two beats each. */
const ROOTS = "C3 C3 C3 C3 F3 C3 D3 G2 C3 C3 C3 C3 F3 C3 G2 C3".split(" ");

function melody(): Note[] {
  return MELODY.flatMap((bar, i) => {
    let at = i * BEATS_PER_BAR;
    return bar.split(" ").map((n) => {
      const [name = "", beats = ""] = n.split(":");
      const note: Note = { voice: "melody", pitch: midi(name), at, beats: Number(beats) };
      at += note.beats;
      return note;
    });
  });
}

function bass(): Note[] {
  return ROOTS.flatMap((root, i) => [
    { voice: "bass" as const, pitch: midi(root), at: i * BEATS_PER_BAR, beats: 2 },
    { voice: "bass" as const, pitch: midi(root) + 7, at: i * BEATS_PER_BAR + 2, beats: 2 },
  ]);
}

function bells(): Note[] {
  return Array.from({ length: ROOTS.length * BEATS_PER_BAR }, (_, at) => ({
    voice: "bell" as const,
    pitch: 0,
    at,
    beats: 0.25,
  }));
}

export const TUNE: readonly Note[] = [...melody(), ...bass(), ...bells()].sort(
  (a, b) => a.at - b.at,
);
export const LOOP_BEATS = MELODY.length * BEATS_PER_BAR;

export const secondsPerBeat = (bpm = BEATS_PER_MINUTE) => 60 / bpm;

/** A note placed in time: seconds since the music started. */
export interface TimedNote {
  note: Note;
  time: number;
  duration: number;
}

/**
 * The notes of the looping tune that start in [from, to) seconds since it started: windows
 * that meet end to start play every note once, however the scheduler slices time.
 */
export function notesBetween(
  from: number,
  to: number,
  tune: readonly Note[] = TUNE,
  loopBeats = LOOP_BEATS,
  bpm = BEATS_PER_MINUTE,
): TimedNote[] {
  const spb = secondsPerBeat(bpm);
  const loopSeconds = loopBeats * spb;
  const out: TimedNote[] = [];
  if (to <= from) return out;
  for (let loop = Math.floor(from / loopSeconds); loop * loopSeconds < to; loop++) {
    for (const note of tune) {
      const time = loop * loopSeconds + note.at * spb;
      if (time >= from && time < to) out.push({ note, time, duration: note.beats * spb });
    }
  }
  return out;
}

/** Equal temperament, A4 = 440 Hz. */
export function frequencyOf(pitch: number): number {
  return 440 * 2 ** ((pitch - 69) / 12);
}
