import type * as Phaser from "phaser";
import { emitGameEvent } from "../app/game-events";
import { loadSettings } from "../app/settings";

/**
 * Sound effects synthesized with WebAudio: no audio files. The context starts on the first
 * sound after a user gesture (browsers refuse earlier).
 */
export type Sfx = "grab" | "freeze" | "flame" | "cookie" | "end" | "click";

let ctx: AudioContext | null = null;

function audio(): AudioContext | null {
  if (typeof AudioContext === "undefined") return null;
  ctx ??= new AudioContext();
  if (ctx.state === "suspended") void ctx.resume();
  return ctx;
}

function tone(
  ac: AudioContext,
  out: AudioNode,
  type: OscillatorType,
  from: number,
  to: number,
  start: number,
  dur: number,
  gain: number,
) {
  const osc = ac.createOscillator();
  const g = ac.createGain();
  osc.type = type;
  osc.frequency.setValueAtTime(from, start);
  osc.frequency.exponentialRampToValueAtTime(to, start + dur);
  g.gain.setValueAtTime(0.0001, start);
  g.gain.exponentialRampToValueAtTime(gain, start + 0.01);
  g.gain.exponentialRampToValueAtTime(0.0001, start + dur);
  osc.connect(g).connect(out);
  osc.start(start);
  osc.stop(start + dur + 0.02);
}

function noise(
  ac: AudioContext,
  out: AudioNode,
  start: number,
  dur: number,
  gain: number,
  hp: number,
) {
  const buf = ac.createBuffer(1, Math.floor(ac.sampleRate * dur), ac.sampleRate);
  const data = buf.getChannelData(0);
  // audio texture only, not game logic
  for (let i = 0; i < data.length; i++) data[i] = (Math.random() * 2 - 1) * (1 - i / data.length);
  const src = ac.createBufferSource();
  src.buffer = buf;
  const filter = ac.createBiquadFilter();
  filter.type = "highpass";
  filter.frequency.value = hp;
  const g = ac.createGain();
  g.gain.value = gain;
  src.connect(filter).connect(g).connect(out);
  src.start(start);
}

/** Plays `name` for `scene` when sound is on and audible, and announces it on the game's bus. */
export function playSfx(scene: Phaser.Scene, name: Sfx): void {
  const settings = loadSettings();
  if (!settings.sound || settings.volume <= 0) return;
  emitGameEvent(scene, "sfx", { name });
  const ac = audio();
  if (!ac) return;
  const out = ac.createGain();
  out.gain.value = settings.volume * 0.6;
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
