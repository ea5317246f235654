import { audioContext, noise, tone } from "./synth";
import { frequencyOf, notesBetween, type TimedNote } from "./tune";

/** How far ahead notes are put on the audio clock, and how often the scheduler wakes. */
const LOOKAHEAD_S = 0.5;
const WAKE_MS = 100;
const FADE_S = 0.15;
/** Music sits under the effects: full level is this share of the volume. */
const MUSIC_GAIN = 0.3;

/**
 * Plays the background tune (tune.ts) at a level, or not at all. Notes are timed by the
 * AudioContext's clock, LOOKAHEAD_S ahead; the timer only wakes the scheduler, so a late wake
 * never shifts a note. Stopping fades out and drops the notes already scheduled.
 */
export class MusicPlayer {
  private master: GainNode | null = null;
  /** The audio clock's time at the tune's start. */
  private origin = 0;
  /** Tune time up to which notes are scheduled. */
  private until = 0;
  private timer: ReturnType<typeof setInterval> | null = null;

  get playing(): boolean {
    return this.master !== null;
  }

  /** Plays at `level` (0..1, of the player's volume), or stops at 0. */
  setLevel(level: number): void {
    if (level <= 0) {
      this.stop();
      return;
    }
    const ac = audioContext();
    if (!ac) return;
    if (this.master) {
      this.master.gain.setTargetAtTime(level * MUSIC_GAIN, ac.currentTime, FADE_S / 3);
      return;
    }
    this.master = ac.createGain();
    this.master.gain.setValueAtTime(0.0001, ac.currentTime);
    this.master.gain.exponentialRampToValueAtTime(level * MUSIC_GAIN, ac.currentTime + FADE_S);
    this.master.connect(ac.destination);
    this.origin = ac.currentTime + 0.05;
    this.until = 0;
    this.schedule(ac);
    this.timer = setInterval(() => this.schedule(ac), WAKE_MS);
  }

  private stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    const master = this.master;
    const ac = audioContext();
    this.master = null;
    if (!master || !ac) return;
    master.gain.cancelScheduledValues(ac.currentTime);
    master.gain.setTargetAtTime(0, ac.currentTime, FADE_S / 3);
    setTimeout(() => master.disconnect(), FADE_S * 4 * 1000);
  }

  private schedule(ac: AudioContext): void {
    const master = this.master;
    if (!master) return;
    const now = ac.currentTime - this.origin;
    // After a stall, notes already due are skipped rather than played in a burst.
    const from = Math.max(this.until, now);
    const to = now + LOOKAHEAD_S;
    for (const n of notesBetween(from, to)) this.play(ac, master, n);
    this.until = Math.max(this.until, to);
  }

  private play(ac: AudioContext, out: AudioNode, { note, time, duration }: TimedNote): void {
    const at = this.origin + time;
    const f = frequencyOf(note.pitch);
    switch (note.voice) {
      case "melody":
        tone(ac, out, "triangle", f, f, at, duration * 0.95, 0.5);
        break;
      case "bass":
        tone(ac, out, "triangle", f, f, at, duration * 0.9, 0.4);
        break;
      case "bell":
        noise(ac, out, at, 0.05, 0.06, 7000);
        break;
    }
  }
}
