import type { EndMessage, StartPlayer } from "@gift-grab/contracts";
import { quantizeInput, type RoundEvent, racer, SUBUNITS } from "@gift-grab/simulation";
import * as Phaser from "phaser";
import { playSfx } from "../audio/sfx";
import { pixelRatio } from "../config/pixel-ratio";
import { emitGameEvent } from "../core/game-events";
import { inspectable } from "../core/inspect";
import { loadSettings } from "../core/settings";
import { getNet } from "../net/current-net";
import { liveLinkMessage, liveLostMessage, liveSessionEndedMessage } from "../net/messages";
import type { RaceTicket } from "../net/types";
import { positionsOf } from "../play/interpolate";
import { LivePlay } from "../play/live/live-play";
import { revealSight } from "../play/live/live-sight";
import { seatView } from "../play/live/prediction";
import { Button } from "../views/button";
import { FocusGroup } from "../views/focus";
import { onKeyDown } from "../views/keys";
import { FieldView, worldField } from "../views/round/field-view";
import { MuteButton } from "../views/round/mute-button";
import { raceHeader, raceLayout } from "../views/round/race-layout";
import { RacersView } from "../views/round/racers-view";
import { showRaceEvent } from "../views/round/round-effects";
import { RoundHud } from "../views/round/round-hud";
import { RoundInput } from "../views/round/round-input";
import { racerNames, StandingsView, standingsOf } from "../views/round/standings";
import type { RaceResultsData } from "./race-results";

export interface RaceData {
  ticket: RaceTicket;
}

/** The "Time's up!" beat before the results, in ms. */
const TIME_UP_MS = 1200;

type Phase = "countdown" | "playing" | "over";

/**
 * A race (docs/realtime.md "The race"): a live round of 2–4 Santas on one field, on the
 * server's clock. The player's Santa is predicted from their input, the others from their last
 * input, all reconciled with the server's frames (play/live/prediction.ts). A race doesn't
 * pause: the others are playing. Leaving hands the seat to the server (a bot plays it once the
 * reconnect grace is over). The END goes to the results with every Santa's place.
 */
export class RaceScene extends Phaser.Scene {
  private live!: LivePlay;
  private ticket!: RaceTicket;
  private players: StartPlayer[] = [];
  private phase: Phase = "countdown";
  private hint: string | null = null;
  private predictedOver = false;
  private ended: EndMessage | null = null;
  private leaving = false;

  private field!: FieldView;
  private hud!: RoundHud;
  private steer!: RoundInput;
  private racers!: RacersView;
  private standings!: StandingsView;
  private mute!: MuteButton;
  private leaveButton!: Button;

  constructor() {
    super("Race");
  }

  create(data: RaceData) {
    this.ticket = data.ticket;
    const { start, match, arrived } = data.ticket;
    this.phase = "countdown";
    this.predictedOver = false;
    this.ended = null;
    this.leaving = false;
    this.players = start.players ?? [];
    emitGameEvent(this, "screen", { scene: "Race", status: "countdown" });

    const live = new LivePlay(match, start, arrived, () => performance.now());
    this.live = live;
    const view = () => seatView(live.prediction.predicted, live.seat);
    this.field = new FieldView(this, view());
    this.racers = new RacersView(this, this.field, live.seat, start.seats);
    this.racers.name(this.players);
    this.hud = new RoundHud(this);
    this.standings = new StandingsView(this);
    this.steer = new RoundInput(this, this.field, view, loadSettings().touch);
    this.mute = new MuteButton(this);
    this.leaveButton = new Button(this, {
      label: "Leave",
      variant: "secondary",
      fontSize: 16,
      onPress: () => this.leave(),
    }).setDepth(60);
    new FocusGroup(this, false, false).add(this.mute.button, this.leaveButton);
    this.hint = this.sys.game.device.input.touch
      ? "Touch and drag to steer. Grab more gifts than the others!"
      : "Arrow keys, WASD or the mouse steer. Grab more gifts than the others!";

    live.events.on("end", (m) => this.serverEnded(m));
    live.events.on("lost", (why) => this.lost(liveLostMessage(why)));
    live.events.on("link", (state) => this.hud.flash(liveLinkMessage(state), 1500));
    // A rejoin's START names the seats again (a bot may have taken one over meanwhile).
    const offStart = match.events.on("start", (m) => {
      this.players = m.players ?? this.players;
      this.racers.name(this.players);
      // A name that changed (a bot's) may need a wider card.
      this.layout();
    });
    onKeyDown(this, (event) => {
      if (event.repeat || (event.key !== "Escape" && event.key.toLowerCase() !== "p")) return;
      event.preventDefault();
      this.hud.flash("A race doesn't pause: the others are playing.", 1500);
    });
    const onResize = () => this.layout();
    this.scale.on("resize", onResize);
    const offConnection = getNet().on("connection", (state) => {
      if (state === "other_tab" || state === "kicked" || state === "signed_out")
        this.lost(liveSessionEndedMessage);
    });
    inspectable(this, "race", () => this.sight());
    this.events.once("shutdown", () => {
      offStart();
      offConnection();
      this.scale.off("resize", onResize);
      // A friend race's results keep the match joined, to hear its rematch.
      if (this.leaving || !this.ticket.lobby) this.live.leave();
      else this.live.detach();
    });
    this.layout();
    this.draw();
  }

  override update() {
    const live = this.live;
    if (this.phase === "countdown") {
      const ms = live.msToStart();
      if (ms > 0) {
        this.hud.count(Math.ceil(ms / 1000), this.hint);
        this.draw();
        return;
      }
      this.hud.flash("Go!", 500);
      this.phase = "playing";
      this.steer.enabled = true;
      emitGameEvent(this, "status", { status: "playing" });
    }
    if (this.phase === "playing" || !this.predictedOver) {
      const { events } = live.update(() => {
        if (this.phase !== "playing") return { dx: 0, dy: 0 };
        const santa = live.prediction.santaShown();
        const device = this.steer.direction(santa);
        return quantizeInput(device.x, device.y);
      });
      for (const e of events) this.onRaceEvent(e);
    }
    this.draw();
  }

  private onRaceEvent(e: RoundEvent) {
    const mine = !("seat" in e) || e.seat === undefined || e.seat === this.live.seat;
    if (e.type === "end") this.timeUp();
    else showRaceEvent(this, e, mine, { field: this.field, hud: this.hud, shake: true });
  }

  /** The predicted race is over; the server's END says what counted. */
  private timeUp() {
    if (this.predictedOver) return;
    this.predictedOver = true;
    this.phase = "over";
    this.steer.enabled = false;
    this.steer.release();
    playSfx(this, "end");
    this.hud.say("Time's up!");
    emitGameEvent(this, "status", { status: "over" });
    if (this.ended) this.toResults(this.ended, null);
  }

  private serverEnded(end: EndMessage) {
    this.ended = end;
    // The server finished first (this clock ran behind): the race is over all the same.
    if (!this.predictedOver) this.timeUp();
    else this.toResults(end, null);
  }

  /** The seat is gone (away past the grace, or the session ended here): the player is told. */
  private lost(message: string) {
    if (this.ended || this.leaving) return;
    this.phase = "over";
    this.predictedOver = true;
    this.steer.enabled = false;
    this.steer.release();
    this.hud.say("Race over");
    this.leaving = true;
    this.toResults(null, message);
  }

  private toResults(end: EndMessage | null, message: string | null) {
    const c = this.live.prediction.confirmed;
    const results: RaceResultsData = {
      scores: this.players.map((_, i) => racer(c, i).score),
      players: this.players,
      seat: this.live.seat,
      end,
      message,
      lobby: this.ticket.lobby,
      match: this.ticket.match,
    };
    this.time.delayedCall(TIME_UP_MS, () => this.scene.start("RaceResults", results));
  }

  /** Back to the menu: the server keeps the seat for the grace, then its bot plays it. */
  private leave() {
    this.leaving = true;
    this.scene.start("Menu");
  }

  private layout() {
    const { width, height } = this.scale;
    const { s, stacked, height: hudH } = raceHeader(width, height, pixelRatio());
    const pad = 10;
    const view = seatView(this.live.prediction.predicted, this.live.seat);
    // The standings beside the field, never over it (race-layout.ts); a phone held upright
    // shows the wide field turned.
    const laid = raceLayout({
      width,
      height,
      area: { x: pad, y: hudH + pad, width: width - pad * 2, height: height - hudH - pad * 2 },
      field: worldField(view),
      standings: this.standings.measure(this.standingsNow().map((st) => st.name)),
      gap: 12 * s,
    });
    this.field.fit(worldField(view), laid.field, laid.turned);
    this.standings.layout(laid.standings.x, laid.standings.y);
    const leaveW = 84 * s;
    const leaveH = Math.max(38 * s, MuteButton.side(0));
    const y = Math.max(27 * s, 24 * pixelRatio());
    this.leaveButton.place(width - 10 - leaveW / 2, y, leaveW, leaveH);
    const muteSide = MuteButton.side(38 * s);
    const muteX = width - 10 - leaveW - 8 - muteSide / 2;
    this.mute.place(muteX, y, muteSide);
    this.hud.layout(width, height, hudH + pad, muteX - muteSide / 2 - 12, stacked);
  }

  private draw() {
    const p = this.live.prediction;
    const view = seatView(p.predicted, this.live.seat);
    this.field.draw(view, { ...positionsOf(view), santa: p.santaShown() });
    this.racers.draw(p.predicted, (seat) => p.shown(seat));
    this.hud.show(view, null);
    this.standings.show(this.standingsNow());
    this.steer.draw();
  }

  private standingsNow() {
    const p = this.live.prediction.predicted;
    const scores = this.players.map((_, i) => racer(p, i).score);
    return standingsOf(scores, racerNames(this.players), this.live.seat);
  }

  /** What the race shows, for the test build's probe. */
  private sight() {
    const p = this.live.prediction;
    const rect = this.game.canvas.getBoundingClientRect();
    const k = rect.width / this.scale.width;
    const meWorld = p.santaShown();
    const me = this.field.toScreen(meWorld);
    const g = p.predicted.gift;
    const giftWorld = { x: g.x / SUBUNITS, y: g.y / SUBUNITS };
    const gift = this.field.toScreen(giftWorld);
    const size = worldField(p.predicted);
    const a = this.field.toScreen({ x: 0, y: 0 });
    const b = this.field.toScreen({ x: size.width, y: size.height });
    const field = { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y) };
    const far = { x: Math.max(a.x, b.x), y: Math.max(a.y, b.y) };
    const page = (box: { x: number; y: number; width: number; height: number }) => ({
      x: rect.left + box.x * k,
      y: rect.top + box.y * k,
      width: box.width * k,
      height: box.height * k,
    });
    return {
      phase: this.phase,
      seat: this.live.seat,
      seats: this.players.length,
      players: this.players,
      standings: this.standings.lines,
      standingsBox: page(this.standings.box),
      /** Every seat's name tag, by seat. */
      tags: this.racers.tagBoxes.map(page),
      hud: this.hud.texts,
      ticks: p.predicted.ticks,
      predictedTick: p.predicted.tick,
      confirmedTick: p.confirmed.tick,
      desyncs: p.desyncs,
      firstDesync: p.firstDesync,
      malformed: this.ticket.match.malformed,
      ...revealSight(p),
      santa: { ...meWorld, page: { x: rect.left + me.x * k, y: rect.top + me.y * k } },
      // A gift the server has not placed yet is far off the field (x < 0).
      gift: { ...giftWorld, page: { x: rect.left + gift.x * k, y: rect.top + gift.y * k } },
      field: {
        x: rect.left + field.x * k,
        y: rect.top + field.y * k,
        width: (far.x - field.x) * k,
        height: (far.y - field.y) * k,
      },
      lobby: this.ticket.lobby,
    };
  }
}
