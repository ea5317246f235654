import {
  appendInput,
  bounce,
  cookieLeftMs,
  createRound,
  flameLeftMs,
  GameRules,
  type InputRuns,
  type Mover,
  type Orientation,
  quantizeInput,
  type RoundEvent,
  type RoundState,
  SUBUNITS,
  stepTick,
  ticksToMs,
  timeLeftMs,
  type Vec,
} from "@gift-grab/simulation";
import * as Phaser from "phaser";
import { getNet } from "../app/context";
import { emitGameEvent } from "../app/game-events";
import { whileRunning } from "../app/while-running";
import { SPARK_FRAMES, TEX } from "../art/textures";
import { playSfx } from "../audio/sfx";
import { joystickDirection, keyboardDirection, type MoveInput, towardTarget } from "../game/input";
import { interpolate, type Positions, positionsOf } from "../game/interpolate";
import { TickClock } from "../game/tick-clock";
import { readUrlOptions } from "../game/url-options";
import { ReplayCursor, WATCH_SPEEDS, type WatchData } from "../game/watch";
import type { RoundTicket } from "../net/types";
import { Button } from "../ui/button";
import { FocusGroup } from "../ui/focus";
import { onKeyDown } from "../ui/keys";
import { settledOutcome } from "../ui/outcome-text";
import { colors, css, textStyle, uiScale } from "../ui/theme";

const LOOK_TEX = {
  idle: TEX.santaIdle,
  left: TEX.santaLeft,
  right: TEX.santaRight,
  frozen: TEX.santaFrozen,
} as const;

interface GameData {
  bench?: number;
  /** Watch a recorded run instead of playing: same simulation, inputs from the recording. */
  watch?: WatchData;
}

type Phase = "starting" | "playing" | "paused" | "over";

/** One round: field, Santa, gift, ice, power-ups, HUD, joystick; then GameOver. */
export class GameScene extends Phaser.Scene {
  private round!: RoundState;
  /** The round's state before its last tick and now, in world units: drawn interpolated. */
  private prev!: Positions;
  private cur!: Positions;
  private readonly clock = new TickClock();
  /** Every tick's input, as the server will replay it. */
  private inputs: InputRuns = [];
  private watching: WatchData | null = null;
  private cursor: ReplayCursor | null = null;
  private watchSpeed = 1;
  private watchButtons: Button[] = [];
  private roundOrientation: Orientation = "landscape";
  private ticket: RoundTicket | null = null;
  private startError: string | null = null;
  private phase: Phase = "starting";
  private speed = 1;
  private seed = 0;
  private bench = 0;

  private fieldLayer!: Phaser.GameObjects.Container;
  private fieldBg!: Phaser.GameObjects.Image;
  private santa!: Phaser.GameObjects.Image;
  private aura!: Phaser.GameObjects.Image;
  private gift!: Phaser.GameObjects.Image;
  private ice: Phaser.GameObjects.Image[] = [];
  private powerUps: Phaser.GameObjects.Image[] = [];
  private benchMovers: { body: Mover; img: Phaser.GameObjects.Image }[] = [];
  private sparks!: Phaser.GameObjects.Particles.ParticleEmitter;
  private hudScore!: Phaser.GameObjects.Text;
  private hudTime!: Phaser.GameObjects.Text;
  private hudPower!: Phaser.GameObjects.Text;
  private banner!: Phaser.GameObjects.Text;
  private joyBase!: Phaser.GameObjects.Image;
  private joyKnob!: Phaser.GameObjects.Image;
  private keys!: Record<
    "W" | "A" | "S" | "D" | "UP" | "DOWN" | "LEFT" | "RIGHT",
    Phaser.Input.Keyboard.Key
  >;
  private fieldScale = 1;
  private fieldOrigin = { x: 0, y: 0 };
  private drag: { pointerId: number; target: Vec } | null = null;
  private joy: { pointerId: number; base: Vec; knob: Vec; radius: number } | null = null;
  private pauseUi: { focus: FocusGroup; objects: { destroy(): void }[] } | null = null;
  private pauseButton!: Button;

  constructor() {
    super("Game");
  }

  create(data: GameData) {
    const url = readUrlOptions(window.location.search);
    this.speed = url.speed;
    this.bench = data?.bench ?? 0;
    this.watching = data?.watch ?? null;
    this.watchSpeed = 1;
    this.watchButtons = [];
    this.phase = "starting";
    this.ticket = null;
    this.startError = null;
    this.drag = null;
    this.joy = null;
    this.pauseUi = null;
    this.ice = [];
    this.powerUps = [];
    this.benchMovers = [];
    emitGameEvent(this, "screen", { scene: "Game", status: "starting" });

    const orientation: Orientation =
      this.watching?.params.orientation ??
      (this.scale.height > this.scale.width ? "portrait" : "landscape");
    // A placeholder round so the field draws while round_start is on its way.
    this.setRound(createRound({ seed: url.seed ?? 1, orientation }));

    this.fieldLayer = this.add.container(0, 0);
    this.fieldBg = this.add.image(0, 0, this.fieldTexture()).setOrigin(0);
    this.fieldLayer.add(this.fieldBg);
    this.gift = this.add
      .image(0, 0, TEX.gift)
      .setDisplaySize(GameRules.gift.radius * 2.6, GameRules.gift.radius * 2.6);
    this.fieldLayer.add(this.gift);
    for (let i = 0; i < GameRules.ice.count; i++) {
      const img = this.add
        .image(0, 0, TEX.ice)
        .setDisplaySize(GameRules.ice.radius * 2.3, GameRules.ice.radius * 2.3);
      this.ice.push(img);
      this.fieldLayer.add(img);
    }
    for (const p of this.round.powerUps) {
      const img = this.add
        .image(0, 0, p.kind === "flame" ? TEX.flame : TEX.cookie)
        .setDisplaySize(GameRules.powerUps.radius * 2.6, GameRules.powerUps.radius * 2.6)
        .setVisible(false);
      this.powerUps.push(img);
      this.fieldLayer.add(img);
    }
    this.aura = this.add
      .image(0, 0, TEX.flameAura)
      .setDisplaySize(GameRules.santa.radius * 3.2, GameRules.santa.radius * 3.2)
      .setVisible(false);
    this.fieldLayer.add(this.aura);
    this.santa = this.add
      .image(0, 0, TEX.santaIdle)
      .setDisplaySize(GameRules.santa.radius * 2.7, GameRules.santa.radius * 2.7);
    this.fieldLayer.add(this.santa);
    this.sparks = this.add.particles(0, 0, TEX.spark, {
      speed: { min: 120, max: 320 },
      lifespan: 500,
      scale: { start: 0.9, end: 0 },
      frame: [...SPARK_FRAMES],
      emitting: false,
    });
    this.fieldLayer.add(this.sparks);
    if (this.bench > 0) this.addBenchMovers(this.bench);

    this.hudScore = this.add.text(
      0,
      0,
      "",
      textStyle(this, 22, colors.text, { fontStyle: "bold" }),
    );
    this.hudTime = this.add
      .text(0, 0, "", textStyle(this, 22, colors.text, { fontStyle: "bold" }))
      .setOrigin(1, 0);
    this.hudPower = this.add
      .text(0, 0, "", textStyle(this, 18, colors.accent, { fontStyle: "bold" }))
      .setOrigin(0.5, 0);
    this.banner = this.add
      .text(
        0,
        0,
        "Get ready…",
        textStyle(this, 30, colors.accent, { fontStyle: "bold", align: "center" }),
      )
      .setOrigin(0.5)
      .setShadow(0, 3, "#000", 6);

    this.pauseButton = new Button(this, {
      label: "Pause",
      variant: "secondary",
      fontSize: 16,
      onPress: () => this.pause(),
    }).setDepth(60);
    new FocusGroup(this, false, false).add(this.pauseButton);

    this.joyBase = this.add.image(0, 0, TEX.joyBase).setVisible(false).setDepth(50);
    this.joyKnob = this.add.image(0, 0, TEX.joyKnob).setVisible(false).setDepth(51);

    this.keys = this.input.keyboard?.addKeys(
      "W,A,S,D,UP,DOWN,LEFT,RIGHT",
      false,
    ) as typeof this.keys;
    onKeyDown(this, (event) => {
      if (event.repeat || (event.key !== "Escape" && event.key.toLowerCase() !== "p")) return;
      event.preventDefault();
      this.togglePause();
    });
    this.input.on("pointerdown", this.onPointerDown, this);
    this.input.on("pointermove", this.onPointerMove, this);
    this.input.on("pointerup", this.onPointerUp, this);
    this.input.on("pointerupoutside", this.onPointerUp, this);
    const onHidden = () => this.pause();
    this.game.events.on(Phaser.Core.Events.HIDDEN, onHidden);
    const onResize = () => this.layout();
    this.scale.on("resize", onResize);
    emitGameEvent(this, "inspect", { key: "round", scene: this, read: () => this.testState() });
    this.events.once("shutdown", () => {
      this.game.events.off(Phaser.Core.Events.HIDDEN, onHidden);
      this.scale.off("resize", onResize);
    });
    if (this.watching) this.addWatchControls(this.watching);
    this.layout();
    this.sync();

    if (this.watching) {
      const { params, inputs } = this.watching;
      this.begin(params.seed, params.duration_ms, params.orientation);
      this.cursor = new ReplayCursor(inputs);
    } else if (this.bench > 0) {
      this.begin(url.seed ?? 1, 3_600_000, orientation);
    } else {
      void this.startRound(url.seed, orientation);
    }
  }

  private setRound(round: RoundState) {
    this.round = round;
    this.cur = positionsOf(round);
    this.prev = this.cur;
    this.clock.reset();
    this.inputs = [];
    this.cursor = null;
  }

  /** Watch: Pause/Play, 1×/2×/4× and Back, in a row under the field. */
  private addWatchControls(watch: WatchData) {
    this.pauseButton.setVisible(false);
    const focus = new FocusGroup(this, false, false);
    const toggle = new Button(this, {
      label: "Pause",
      variant: "secondary",
      fontSize: 16,
      onPress: () => {
        if (this.phase === "playing") this.phase = "paused";
        else if (this.phase === "paused") this.phase = "playing";
        const paused = this.phase === "paused";
        toggle.setLabel(paused ? "Play" : "Pause");
        emitGameEvent(this, "status", { status: paused ? "paused" : "playing" });
      },
    });
    const speeds = WATCH_SPEEDS.map(
      (k) =>
        new Button(this, {
          label: `${k}×`,
          variant: k === 1 ? "primary" : "secondary",
          fontSize: 16,
          onPress: () => {
            this.watchSpeed = k;
            speeds.forEach((b, i) => {
              b.setVariant(WATCH_SPEEDS[i] === k ? "primary" : "secondary");
            });
          },
        }),
    );
    const back = new Button(this, {
      label: "Back",
      variant: "secondary",
      fontSize: 16,
      onPress: () => this.scene.start(watch.back.scene, watch.back.data),
    });
    this.watchButtons = [toggle, ...speeds, back];
    for (const b of this.watchButtons) {
      b.setDepth(60);
      focus.add(b);
    }
  }

  private async startRound(urlSeed: number | null, orientation: Orientation) {
    let seed = urlSeed ?? Date.now() >>> 0;
    let duration: number = GameRules.roundDurationMs;
    try {
      // The server replays the round on its own seed: a ?seed only deals unsaved rounds.
      this.ticket = await whileRunning(this, getNet().startRound(orientation));
      seed = this.ticket.seed;
      duration = this.ticket.durationMs || duration;
      orientation = this.ticket.orientation;
    } catch {
      this.startError = "Couldn't reach the server: this round won't be saved.";
    }
    this.begin(seed, duration, orientation);
  }

  private begin(seed: number, durationMs: number, orientation: Orientation) {
    this.seed = seed;
    this.roundOrientation = orientation;
    this.setRound(createRound({ seed, durationMs, orientation }));
    this.phase = "playing";
    this.banner.setText(this.startError ?? "").setVisible(this.startError !== null);
    if (this.startError) this.time.delayedCall(2500, () => this.banner.setVisible(false));
    emitGameEvent(this, "status", { status: "playing" });
    this.sync();
  }

  override update(_time: number, delta: number) {
    if (this.phase === "playing") {
      // Input is sampled once per tick; ticks due in one frame hold the same input.
      const ticks = this.clock.advance(delta, this.speed * this.watchSpeed);
      const cursor = this.cursor;
      if (cursor) {
        for (let i = 0; i < ticks && this.phase === "playing"; i++) {
          const { dx, dy } = cursor.next();
          this.tick(dx, dy);
        }
      } else {
        const device = ticks > 0 ? this.currentInput() : { x: 0, y: 0 };
        const { dx, dy } = quantizeInput(device.x, device.y);
        for (let i = 0; i < ticks && this.phase === "playing"; i++) this.tick(dx, dy);
      }
    }
    this.sync();
  }

  private tick(dx: number, dy: number) {
    this.prev = this.cur;
    appendInput(this.inputs, dx, dy);
    const events = stepTick(this.round, dx, dy);
    this.cur = positionsOf(this.round);
    for (const m of this.benchMovers) bounce(m.body, this.round.field);
    for (const e of events) this.onRoundEvent(e);
  }

  /** The field in world units. */
  private worldField() {
    return { width: this.round.field.width / SUBUNITS, height: this.round.field.height / SUBUNITS };
  }

  private currentInput(): MoveInput {
    if (this.bench > 0) {
      // benchmark: Santa walks in circles so the scene is never static
      const t = ticksToMs(this.round.tick) / 1000;
      return { x: Math.cos(t), y: Math.sin(t) };
    }
    if (this.joy) return joystickDirection(this.joy.base, this.joy.knob, this.joy.radius);
    if (this.drag) return towardTarget(this.cur.santa, this.drag.target);
    const k = this.keys;
    return keyboardDirection({
      left: !!(k?.LEFT.isDown || k?.A.isDown),
      right: !!(k?.RIGHT.isDown || k?.D.isDown),
      up: !!(k?.UP.isDown || k?.W.isDown),
      down: !!(k?.DOWN.isDown || k?.S.isDown),
    });
  }

  private onRoundEvent(e: RoundEvent) {
    switch (e.type) {
      case "grab":
        playSfx(this, "grab");
        this.sparks.explode(18, e.at.x / SUBUNITS, e.at.y / SUBUNITS);
        this.tweens.add({ targets: this.hudScore, scale: { from: 1.3, to: 1 }, duration: 200 });
        break;
      case "freeze":
        playSfx(this, "freeze");
        this.cameras.main.shake(150, 0.006);
        break;
      case "powerup_taken":
        playSfx(this, e.kind === "flame" ? "flame" : "cookie");
        this.sparks.explode(30, this.cur.santa.x, this.cur.santa.y);
        break;
      case "end":
        this.finish();
        break;
      default:
        break;
    }
  }

  private finish() {
    this.phase = "over";
    playSfx(this, "end");
    if (this.watching) {
      this.banner.setText(`${this.watching.title}: ${this.round.score}`).setVisible(true);
      this.watchButtons[0]?.setEnabled(false);
      emitGameEvent(this, "status", { status: "watched" });
      return;
    }
    const result = {
      score: this.round.score,
      gifts: this.round.gifts,
      powerUpsUsed: this.round.powerUpsUsed,
      inputs: this.inputs,
    };
    emitGameEvent(this, "status", { status: "submitting" });
    const submission = this.ticket
      ? settledOutcome(getNet().submitRound(this.ticket, result))
      : null;
    const watch: WatchData = {
      params: {
        seed: this.seed,
        duration_ms: ticksToMs(this.round.ticks),
        orientation: this.roundOrientation,
      },
      inputs: this.inputs,
      score: result.score,
      title: "Your run",
      back: { scene: "Menu" },
    };
    this.scene.start("GameOver", {
      result,
      submission,
      notSavedReason: this.startError,
      watch,
    });
  }

  // --- input -----------------------------------------------------------------------------

  private joystickZone(): { base: Vec; radius: number } | null {
    if (!this.sys.game.device.input.touch) return null;
    const s = uiScale(this);
    const radius = 70 * s;
    return { base: { x: radius + 24, y: this.scale.height - radius - 24 }, radius };
  }

  private toWorld(p: Vec): Vec {
    return {
      x: (p.x - this.fieldOrigin.x) / this.fieldScale,
      y: (p.y - this.fieldOrigin.y) / this.fieldScale,
    };
  }

  private onPointerDown(p: Phaser.Input.Pointer) {
    if (this.phase !== "playing" || this.watching) return;
    const zone = this.joystickZone();
    if (zone && Math.hypot(p.x - zone.base.x, p.y - zone.base.y) < zone.radius * 1.4) {
      this.joy = {
        pointerId: p.id,
        base: zone.base,
        knob: { x: p.x, y: p.y },
        radius: zone.radius,
      };
      return;
    }
    this.drag = { pointerId: p.id, target: this.toWorld(p) };
  }

  private onPointerMove(p: Phaser.Input.Pointer) {
    if (this.joy?.pointerId === p.id) this.joy.knob = { x: p.x, y: p.y };
    else if (this.drag?.pointerId === p.id && p.isDown) this.drag.target = this.toWorld(p);
  }

  private onPointerUp(p: Phaser.Input.Pointer) {
    if (this.joy?.pointerId === p.id) this.joy = null;
    if (this.drag?.pointerId === p.id) this.drag = null;
  }

  // --- pause -----------------------------------------------------------------------------

  private togglePause() {
    if (this.watching) this.watchButtons[0]?.press();
    else if (this.phase === "paused") this.resume();
    else this.pause();
  }

  private pause() {
    if (this.phase !== "playing") return;
    if (this.watching) {
      this.watchButtons[0]?.press();
      return;
    }
    this.phase = "paused";
    this.drag = null;
    this.joy = null;
    emitGameEvent(this, "status", { status: "paused" });
    const focus = new FocusGroup(this);
    const { width, height } = this.scale;
    const shade = this.add
      .rectangle(0, 0, width, height, 0x000000, 0.6)
      .setOrigin(0)
      .setDepth(90)
      .setInteractive();
    const text = this.add
      .text(
        width / 2,
        height / 2 - 80 * uiScale(this),
        "Paused",
        textStyle(this, 40, colors.accent, { fontStyle: "bold" }),
      )
      .setOrigin(0.5)
      .setDepth(91);
    const resume = new Button(this, { label: "Resume", onPress: () => this.resume() }).setDepth(92);
    const quit = new Button(this, {
      label: "Quit to menu",
      variant: "secondary",
      onPress: () => this.scene.start("Menu"),
    }).setDepth(92);
    const w = Math.min(width - 40, 300 * uiScale(this));
    resume.place(width / 2, height / 2, w);
    quit.place(width / 2, height / 2 + 66 * uiScale(this), w);
    focus.add(resume, quit);
    focus.focus(resume);
    this.pauseUi = { focus, objects: [shade, text, resume, quit] };
  }

  private resume() {
    if (this.phase !== "paused" || !this.pauseUi) return;
    this.pauseUi.focus.dispose();
    for (const o of this.pauseUi.objects) o.destroy();
    this.pauseUi = null;
    this.phase = "playing";
    emitGameEvent(this, "status", { status: "playing" });
  }

  // --- drawing ---------------------------------------------------------------------------

  /** The snowy field, baked once per orientation into a texture (one quad a frame). */
  private fieldTexture(): string {
    const { width, height } = this.worldField();
    const key = `field-${width}x${height}`;
    if (this.textures.exists(key)) return key;
    const g = this.make.graphics({ x: 0, y: 0 }, false);
    g.fillStyle(0xeaf4ff, 1).fillRoundedRect(0, 0, width, height, 24);
    g.fillStyle(0xd4e6fa, 1);
    // snow drifts: a fixed pattern (visual only)
    for (let i = 0; i < 14; i++) {
      const w = 120 + (i % 3) * 50;
      const h = 36 + (i % 2) * 18;
      const x = w / 2 + 12 + ((i * 397) % (width - w - 24));
      const y = h / 2 + 12 + ((i * 263) % (height - h - 24));
      g.fillEllipse(x, y, w, h);
    }
    g.lineStyle(6, 0xffffff, 1).strokeRoundedRect(3, 3, width - 6, height - 6, 22);
    g.generateTexture(key, width, height);
    g.destroy();
    return key;
  }

  private addBenchMovers(n: number) {
    const field = this.worldField();
    const keys = [TEX.gift, TEX.ice, TEX.flame, TEX.cookie];
    for (let i = 0; i < n; i++) {
      const a = (i / n) * Math.PI * 2 + i;
      // in the simulation's units (subunits, per tick), moved by its bounce
      const body: Mover = {
        x: (60 + ((i * 137) % (field.width - 120))) * SUBUNITS,
        y: (60 + ((i * 89) % (field.height - 120))) * SUBUNITS,
        vx: Math.round((Math.cos(a) * 240 * SUBUNITS) / 60),
        vy: Math.round((Math.sin(a) * 240 * SUBUNITS) / 60),
        r: 30 * SUBUNITS,
      };
      const img = this.add
        .image(body.x / SUBUNITS, body.y / SUBUNITS, keys[i % keys.length] ?? TEX.gift)
        .setDisplaySize(72, 72);
      this.fieldLayer.add(img);
      this.benchMovers.push({ body, img });
    }
  }

  private layout() {
    const { width, height } = this.scale;
    const s = uiScale(this);
    const hud = 54 * s;
    const pad = 10;
    const field = this.worldField();
    const availW = width - pad * 2;
    // Watch's controls sit in a row under the field.
    const controls = this.watchButtons.length ? 56 * s : 0;
    const availH = height - hud - controls - pad * 2;
    this.fieldScale = Math.min(availW / field.width, availH / field.height);
    this.fieldOrigin = {
      x: (width - field.width * this.fieldScale) / 2,
      y: hud + pad + (availH - field.height * this.fieldScale) / 2,
    };
    this.fieldLayer.setPosition(this.fieldOrigin.x, this.fieldOrigin.y).setScale(this.fieldScale);
    this.hudScore
      .setPosition(12, 12 * s)
      .setStyle(textStyle(this, 22, colors.text, { fontStyle: "bold" }));
    const pauseW = 84 * s;
    this.pauseButton.place(width - 10 - pauseW / 2, 27 * s, pauseW, 38 * s);
    if (this.watchButtons.length) {
      const bw = Math.min(96 * s, (width - 20) / this.watchButtons.length - 8);
      const y = height - 30 * s;
      const left = width / 2 - ((bw + 8) * this.watchButtons.length - 8) / 2;
      this.watchButtons.forEach((b, i) => {
        b.place(left + i * (bw + 8) + bw / 2, y, bw, 40 * s);
      });
    }
    this.hudTime
      .setPosition(width - pauseW - 22, 12 * s)
      .setStyle(textStyle(this, 22, colors.text, { fontStyle: "bold" }));
    this.hudPower.setPosition(width / 2, hud + pad + 8).setStyle(
      textStyle(this, 18, colors.accent, {
        fontStyle: "bold",
        backgroundColor: `${css(colors.night)}cc`,
        padding: { x: 10, y: 4 },
      }),
    );
    this.banner.setPosition(width / 2, height / 2).setStyle(
      textStyle(this, 26, colors.accent, {
        fontStyle: "bold",
        align: "center",
        wordWrap: { width: width - 40 },
      }),
    );
    const zone = this.joystickZone();
    if (zone) {
      const size = zone.radius * 2;
      this.joyBase
        .setPosition(zone.base.x, zone.base.y)
        .setDisplaySize(size, size)
        .setVisible(true);
      this.joyKnob.setDisplaySize(size * 0.5, size * 0.5).setVisible(true);
    }
  }

  private sync() {
    const r = this.round;
    const at = interpolate(this.prev, this.cur, this.clock.alpha);
    const santaTex = LOOK_TEX[r.santa.look];
    if (this.santa.texture.key !== santaTex) this.santa.setTexture(santaTex);
    this.santa.setPosition(at.santa.x, at.santa.y);
    const flame = flameLeftMs(r) > 0;
    this.aura.setVisible(flame).setPosition(at.santa.x, at.santa.y);
    this.gift.setPosition(at.gift.x, at.gift.y);
    this.ice.forEach((img, i) => {
      const b = at.ice[i];
      if (b) img.setPosition(b.x, b.y).setAlpha(flame ? 0.45 : 1);
    });
    this.powerUps.forEach((img, i) => {
      const p = at.powerUps[i];
      img.setVisible(!!p);
      if (p) img.setPosition(p.x, p.y);
    });
    for (const m of this.benchMovers) m.img.setPosition(m.body.x / SUBUNITS, m.body.y / SUBUNITS);
    this.hudScore.setText(`Score: ${r.score}`);
    const time = `Time: ${Math.ceil(timeLeftMs(r) / 1000)} secs`;
    this.hudTime.setText(this.watching ? `${this.watching.title} · ${time}` : time);
    const parts: string[] = [];
    if (flame) parts.push(`Flame Time: ${Math.ceil(flameLeftMs(r) / 1000)}`);
    if (cookieLeftMs(r) > 0) parts.push(`Cookie: ${Math.ceil(cookieLeftMs(r) / 1000)}`);
    this.hudPower.setText(parts.join("   ")).setVisible(parts.length > 0);
    if (this.joy) {
      const d = joystickDirection(this.joy.base, this.joy.knob, this.joy.radius);
      this.joyKnob.setPosition(
        this.joy.base.x + d.x * this.joy.radius,
        this.joy.base.y + d.y * this.joy.radius,
      );
    } else {
      const zone = this.joystickZone();
      if (zone) this.joyKnob.setPosition(zone.base.x, zone.base.y);
    }
  }

  /** Where a world point is on the page, in CSS pixels. */
  private toPage(p: Vec): Vec {
    const rect = this.game.canvas.getBoundingClientRect();
    const sx = rect.width / this.scale.width;
    return {
      x: rect.left + (this.fieldOrigin.x + p.x * this.fieldScale) * sx,
      y: rect.top + (this.fieldOrigin.y + p.y * this.fieldScale) * sx,
    };
  }

  private joystickPage() {
    const zone = this.joystickZone();
    if (!zone) return null;
    const rect = this.game.canvas.getBoundingClientRect();
    const k = rect.width / this.scale.width;
    return {
      x: rect.left + zone.base.x * k,
      y: rect.top + zone.base.y * k,
      radius: zone.radius * k,
    };
  }

  private testState() {
    const r = this.round;
    const at = this.cur;
    return {
      phase: this.phase,
      seed: this.seed,
      speed: this.speed,
      score: r.score,
      gifts: r.gifts,
      powerUpsUsed: r.powerUpsUsed,
      timeLeftMs: timeLeftMs(r),
      durationMs: ticksToMs(r.ticks),
      field: {
        ...this.worldField(),
        page: { ...this.toPage({ x: 0, y: 0 }), scale: this.fieldScale },
      },
      santa: { ...at.santa, look: r.santa.look, page: this.toPage(at.santa) },
      gift: { ...at.gift, page: this.toPage(at.gift) },
      ice: at.ice.map((b) => ({ x: b.x, y: b.y })),
      powerUps: r.powerUps.map((p, i) => {
        const b = at.powerUps[i] ?? { x: p.body.x / SUBUNITS, y: p.body.y / SUBUNITS };
        return { kind: p.kind, state: p.state, x: b.x, y: b.y, page: this.toPage(b) };
      }),
      flameLeftMs: flameLeftMs(r),
      cookieLeftMs: cookieLeftMs(r),
      hud: { score: this.hudScore.text, time: this.hudTime.text, power: this.hudPower.text },
      joystick: this.joystickPage(),
      bench: this.bench,
      ticket: this.ticket !== null,
      watching: this.watching ? { title: this.watching.title, score: this.watching.score } : null,
      watchSpeed: this.watchSpeed,
    };
  }
}
