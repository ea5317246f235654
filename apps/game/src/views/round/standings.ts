import type { StartPlayer } from "@gift-grab/contracts";
import { placesOf } from "@gift-grab/simulation";
import type * as Phaser from "phaser";
import { colors, css, textStyle } from "../theme";

export interface Standing {
  seat: number;
  name: string;
  score: number;
  place: number;
  me: boolean;
}

/** Seat i's name as a race shows it: the player's (or "Santa i+1"), a bot's marked. */
export function racerName(p: StartPlayer | undefined, i: number): string {
  return `${p?.name || `Santa ${i + 1}`}${p?.bot ? " (bot)" : ""}`;
}

export function racerNames(players: readonly StartPlayer[]): string[] {
  return players.map((p, i) => racerName(p, i));
}

/** Every seat's place by score (equal scores share a place), best first. */
export function standingsOf(
  scores: readonly number[],
  names: readonly string[],
  seat: number,
): Standing[] {
  const places = placesOf(scores);
  return scores
    .map((score, i) => ({
      seat: i,
      name: i === seat ? "You" : (names[i] ?? `Santa ${i + 1}`),
      score,
      place: places[i] ?? 1,
      me: i === seat,
    }))
    .sort((a, b) => a.place - b.place || a.seat - b.seat);
}

/** The race's live standings, beside the field (race-layout.ts): place, name, score. */
export class StandingsView {
  private readonly text: Phaser.GameObjects.Text;
  private shownText = "";

  constructor(private readonly scene: Phaser.Scene) {
    this.text = scene.add.text(0, 0, "").setDepth(40).setOrigin(0, 0);
  }

  /**
   * The card at its widest for these names (as `standingsOf` names them), scores of two
   * digits: the room a layout keeps for it, whatever it reads as the race goes on.
   */
  measure(names: readonly string[]): { width: number; height: number } {
    this.style();
    const widest = names.map((name, i) => `${i + 1}. ${name}  88`).join("\n");
    const width = this.text.setText(widest).width;
    const height = this.text.height;
    this.text.setText(this.shownText);
    return { width, height };
  }

  /** At (x, y), from its top left corner, or `centred` under (x, y) as a result card. */
  layout(x: number, y: number, centred = false): void {
    this.style();
    this.text.setOrigin(centred ? 0.5 : 0, 0).setPosition(x, y);
  }

  private style(): void {
    this.text
      .setStyle(
        textStyle(this.scene, 14, colors.text, {
          backgroundColor: css(colors.panel),
          lineSpacing: 2,
        }),
      )
      .setPadding(8, 4, 8, 4);
  }

  show(standings: readonly Standing[]): void {
    const text = standings.map((s) => `${s.place}. ${s.name}  ${s.score}`).join("\n");
    // setText re-renders the text's texture: only when it changes.
    if (text === this.shownText) return;
    this.shownText = text;
    this.text.setText(text);
  }

  get lines(): string {
    return this.shownText;
  }

  /** Where the card is on the screen, canvas pixels. */
  get box(): { x: number; y: number; width: number; height: number } {
    const t = this.text;
    return {
      x: t.x - t.originX * t.width,
      y: t.y - t.originY * t.height,
      width: t.width,
      height: t.height,
    };
  }
}
