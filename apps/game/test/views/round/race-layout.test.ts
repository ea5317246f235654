import { describe, expect, it } from "vitest";
import {
  type Box,
  boxesOverlap,
  raceHeader,
  raceLayout,
} from "../../../src/views/round/race-layout";
import { MIN_TEXT_CSS } from "../../../src/views/theme";

/** The race's field, world units (the simulation's race: a wide one). */
const FIELD = { width: 1280, height: 720 };
const PAD = 10;

/**
 * The standings' card as StandingsView draws it: 4 lines of `chars` characters at 14 px at
 * the ui scale (never under MIN_TEXT_CSS), an average glyph 0.6 em wide, 8 and 4 px padding.
 */
function card(s: number, r: number, chars: number) {
  const font = Math.max(14 * s, MIN_TEXT_CSS * r);
  return { width: chars * font * 0.6 + 16, height: 4 * (font * 1.25 + 2) + 8 };
}

/** The race scene's layout (scenes/race.ts) of a screen in CSS pixels at pixel ratio r. */
function laidOut(cssWidth: number, cssHeight: number, r: number, chars: number) {
  const width = cssWidth * r;
  const height = cssHeight * r;
  const header = raceHeader(width, height, r);
  const area = {
    x: PAD,
    y: header.height + PAD,
    width: width - PAD * 2,
    height: height - header.height - PAD * 2,
  };
  const standings = card(header.s, r, chars);
  const laid = raceLayout({
    width,
    height,
    area,
    field: FIELD,
    standings,
    gap: 12 * header.s,
  });
  const box: Box = { ...laid.standings, ...standings };
  return { width, height, header, area, laid, box };
}

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 1e-6 &&
  inner.y >= outer.y - 1e-6 &&
  inner.x + inner.width <= outer.x + outer.width + 1e-6 &&
  inner.y + inner.height <= outer.y + outer.height + 1e-6;

describe("raceLayout", () => {
  const sizes = [
    { name: "a phone upright", w: 390, h: 844, side: "below", turned: true },
    { name: "a phone sideways", w: 844, h: 390, side: "left", turned: false },
    { name: "a laptop", w: 1280, h: 720, side: null, turned: false },
  ] as const;
  for (const size of sizes) {
    for (const r of [1, 2]) {
      // "1. You  88" up to a long name with " (bot)": 4 of 24 characters and more.
      for (const chars of [10, 31]) {
        it(`keeps the standings off the field on ${size.name} (${size.w}×${size.h} at ${r}×, ${chars} characters)`, () => {
          const { width, height, header, area, laid, box } = laidOut(size.w, size.h, r, chars);
          // A laptop's card goes wherever the field stays larger: long names, under it.
          if (size.side) expect(laid.side).toBe(size.side);
          expect(laid.turned).toBe(size.turned);
          expect(boxesOverlap(box, laid.field)).toBe(false);
          // On the screen, under the header's band (score, time, buttons), as is the field.
          expect(
            inside(box, { x: 0, y: header.height, width, height: height - header.height }),
          ).toBe(true);
          expect(inside(laid.field, area)).toBe(true);
          // The field keeps its shape, and most of the size it would have with the area to itself.
          const fw = laid.turned ? FIELD.height : FIELD.width;
          const fh = laid.turned ? FIELD.width : FIELD.height;
          expect(laid.field.width / laid.field.height).toBeCloseTo(fw / fh, 6);
          const whole = Math.min(area.width / fw, area.height / fh);
          expect(laid.field.width / fw).toBeGreaterThanOrEqual(whole * 0.8);
        });
      }
    }
  }

  it("puts the standings in a sideways phone's spare width, the field no smaller", () => {
    const { area, laid } = laidOut(844, 390, 2, 20);
    const whole = Math.min(area.width / FIELD.width, area.height / FIELD.height);
    expect(laid.field.width / FIELD.width).toBeCloseTo(whole, 6);
  });
});

describe("boxesOverlap", () => {
  const a = { x: 0, y: 0, width: 10, height: 10 };
  it("tells boxes that share area from boxes that touch or stand apart", () => {
    expect(boxesOverlap(a, { x: 9, y: 9, width: 5, height: 5 })).toBe(true);
    expect(boxesOverlap(a, { x: 10, y: 0, width: 5, height: 5 })).toBe(false);
    expect(boxesOverlap(a, { x: 0, y: 20, width: 5, height: 5 })).toBe(false);
  });
});
