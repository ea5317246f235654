/**
 * The game's one AudioContext and the two voices its sounds are made of: no audio files.
 * Browsers keep a context made before a user gesture suspended; it is resumed on every use.
 */
let ctx: AudioContext | null = null;

export function audioContext(): AudioContext | null {
  if (typeof AudioContext === "undefined") return null;
  ctx ??= new AudioContext();
  if (ctx.state === "suspended") void ctx.resume();
  return ctx;
}

/** An oscillator gliding from `from` to `to` Hz, plucked: a fast attack, then a decay. */
export function tone(
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

/** A burst of fading white noise above `hp` Hz. */
export function noise(
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
