import { describe, expect, it } from "vitest";
import { type TagBox, tagUnder, unstack } from "../../../src/views/round/tag-stack";

const tag = (x: number, bottom: number): TagBox => ({ x, bottom, width: 100, height: 20 });
const overlap = (a: TagBox, b: TagBox) =>
  Math.abs(a.x - b.x) < (a.width + b.width) / 2 &&
  a.bottom > b.bottom - b.height &&
  a.bottom - a.height < b.bottom;

describe("unstack", () => {
  it("leaves tags apart where they are", () => {
    const boxes = [tag(100, 100), tag(300, 100), tag(100, 200)];
    unstack(boxes);
    expect(boxes.map((b) => b.bottom)).toEqual([100, 100, 200]);
  });

  it("stacks the tags of bunched Santas upwards, the lowest Santa's tag staying put", () => {
    const boxes = [tag(100, 100), tag(120, 105), tag(90, 110), tag(110, 102)];
    unstack(boxes);
    expect(boxes[2]?.bottom).toBe(110);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++)
        expect(overlap(boxes[i] as TagBox, boxes[j] as TagBox), `${i} and ${j}`).toBe(false);
    // Each moved only as far as it had to: four tags of 20 px make a column of about 80 px.
    expect(Math.min(...boxes.map((b) => b.bottom - b.height))).toBeGreaterThanOrEqual(110 - 84);
  });

  it("puts the tags of Santas on one spot in a column, in seat order from the bottom", () => {
    const boxes = [tag(100, 200), tag(100, 200), tag(100, 200)];
    unstack(boxes);
    expect(boxes.map((b) => b.bottom)).toEqual([200, 179, 158]);
  });

  it("moves a tag only for tags it meets: one to the side stays", () => {
    const boxes = [tag(100, 200), tag(100, 195), tag(260, 190)];
    unstack(boxes);
    expect(boxes.map((b) => b.bottom)).toEqual([200, 179, 190]);
  });

  it("hangs a column that would rise past the field's top from it, tags apart", () => {
    // Santas bunched at the top edge (100): the lowest tag under its Santa, the others stacked.
    const boxes = [tag(100, 130), tag(110, 128), tag(95, 135), tag(105, 125)];
    unstack(boxes, 100);
    for (const [i, b] of boxes.entries())
      expect(b.bottom - b.height, `${i}'s top`).toBeGreaterThanOrEqual(100);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++)
        expect(overlap(boxes[i] as TagBox, boxes[j] as TagBox), `${i} and ${j}`).toBe(false);
  });

  it("leaves a column that stays under the field's top as it was", () => {
    const boxes = [tag(100, 200), tag(100, 200), tag(100, 200)];
    unstack(boxes, 100);
    expect(boxes.map((b) => b.bottom)).toEqual([200, 179, 158]);
  });
});

describe("tagUnder", () => {
  // The field's top at 100; a tag's top over its Santa at `y`; margin 10.
  const side = (wasUnder: boolean, y: number) => tagUnder(wasUnder, y, 100, 10);

  it("puts a tag under its Santa only where over him it would leave the field", () => {
    expect(side(false, 100)).toBe(false);
    expect(side(false, 99)).toBe(true);
  });

  it("keeps it under until over him it clears the edge by the margin: no flip at every step along it", () => {
    // A Santa moving along the edge, a pixel up and down: the tag stays where it went.
    let under = false;
    const seen: boolean[] = [];
    for (const y of [101, 99, 101, 99, 102, 108, 109, 110, 105]) {
      under = side(under, y);
      seen.push(under);
    }
    expect(seen).toEqual([false, true, true, true, true, true, true, false, false]);
  });
});
