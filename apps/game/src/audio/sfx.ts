import type * as Phaser from "phaser";
import { emitGameEvent, type Sfx } from "../core/game-events";
import { loadSettings, soundLevel } from "../core/settings";
import { audioContext, noise, tone } from "./synth";

/**
 * Sound effects, synthesized (synth.ts). Silent when Sound is off or the volume is at 0.
 */
export type { Sfx };

/** Plays `name` for `scene` when sound is on and audible, and announces it on the game's bus. */
export function playSfx(scene: Phaser.Scene, name: Sfx): void {
  const level = soundLevel(loadSettings());
  if (level <= 0) return;
  emitGameEvent(scene, "sfx", { name });
  const ac = audioContext();
  if (!ac) return;
  const out = ac.createGain();
  out.gain.value = level * 0.6;
  out.connect(ac.destination);
  const t = ac.currentTime;
  switch (name) {
    case "grab":
      tone(ac, out, "triangle", 660, 990, t, 0.09, 0.5);
      tone(ac, out, "triangle", 990, 1480, t + 0.07, 0.12, 0.4);
      break;
    case "freeze":
      tone(ac, out, "sawtooth", 900, 120, t, 0.5, 0.25);
      noise(ac, out, t, 0.4, 0.3, 3000);
      break;
    case "flame":
      noise(ac, out, t, 0.6, 0.5, 400);
      tone(ac, out, "square", 180, 520, t, 0.35, 0.15);
      break;
    case "cookie":
      for (let i = 0; i < 4; i++)
        tone(ac, out, "square", 520 + i * 130, 560 + i * 130, t + i * 0.06, 0.08, 0.2);
      break;
    case "end":
      tone(ac, out, "triangle", 784, 392, t, 0.35, 0.4);
      tone(ac, out, "triangle", 523, 262, t + 0.3, 0.6, 0.4);
      break;
    case "click":
      tone(ac, out, "sine", 880, 660, t, 0.05, 0.25);
      break;
  }
}
