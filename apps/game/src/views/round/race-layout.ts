import { uiScaleAt } from "../theme";

/** A box on the screen, in canvas pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A race's header band over the field: score and time, the mute and Leave buttons. */
export interface RaceHeader {
  /** The ui scale (theme.ts uiScale). */
  s: number;
  /** A narrow screen stacks score and time on the left, clear of the buttons. */
  stacked: boolean;
  /** The band's height: the field's room starts under it. */
  height: number;
}

/**
 * The header of a race's screen `width`×`height` canvas pixels at pixel ratio `r`;
 * `stackable` false where the time never goes under the score (Watch).
 */
export function raceHeader(width: number, height: number, r: number, stackable = true): RaceHeader {
  const s = uiScaleAt(width, height, r);
  const stacked = stackable && width / r < 560;
  return {
    s,
    stacked,
    height: Math.max((stacked ? 76 : 54) * s, (stacked ? 70 : 50) * r),
  };
}

export interface RaceLayoutRoom {
  /** The screen. */
  width: number;
  height: number;
  /** Where the field may go: under the HUD's band, above Watch's controls, inside the margins. */
  area: Box;
  /** The race's field, world units (a wide one: turned on a tall screen). */
  field: { width: number; height: number };
  /** The standings' card at its widest (every name, scores of two digits). */
  standings: { width: number; height: number };
  /** Between the field and the standings: room for a Santa's edge drawn past the field's. */
  gap: number;
}

export interface RaceLayout {
  /** The field drawn a quarter turn (a wide field on a tall screen). */
  turned: boolean;
  /** The field on the screen: FieldView.fit into it fills it exactly. */
  field: Box;
  /** The standings' card, its top-left corner. */
  standings: { x: number; y: number };
  /** Where the card went: beside the field (left) or under it. */
  side: "left" | "below";
}

/**
 * A race's field and its live standings, side by side: the standings never over the field,
 * where they would hide a Santa, a name tag or a gift. The card goes left of the field or
 * under it, wherever the field stays larger (a wide screen has room at the sides, a tall one
 * above and below); the pair is centred in the area.
 */
export function raceLayout(room: RaceLayoutRoom): RaceLayout {
  const { area, standings, gap } = room;
  const turned = room.height > room.width && room.field.width > room.field.height;
  const fw = turned ? room.field.height : room.field.width;
  const fh = turned ? room.field.width : room.field.height;
  const scaleIn = (w: number, h: number) => Math.max(0, Math.min(w / fw, h / fh));
  const leftScale = scaleIn(area.width - standings.width - gap, area.height);
  const belowScale = scaleIn(area.width, area.height - standings.height - gap);
  if (leftScale >= belowScale) {
    const w = fw * leftScale;
    const h = fh * leftScale;
    const x = area.x + Math.max(0, (area.width - (standings.width + gap + w)) / 2);
    const y = area.y + (area.height - h) / 2;
    const field = { x: x + standings.width + gap, y, width: w, height: h };
    return { turned, field, standings: { x, y }, side: "left" };
  }
  const w = fw * belowScale;
  const h = fh * belowScale;
  const y = area.y + Math.max(0, (area.height - (h + gap + standings.height)) / 2);
  const field = { x: area.x + (area.width - w) / 2, y, width: w, height: h };
  // Under the field, centred on it (inside the screen when the card is the wider).
  const sx = Math.max(
    area.x,
    Math.min(field.x + (w - standings.width) / 2, area.x + area.width - standings.width),
  );
  return { turned, field, standings: { x: sx, y: y + h + gap }, side: "below" };
}

/** Whether two boxes share any area (touching edges don't). */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
