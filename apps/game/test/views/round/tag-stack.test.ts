import { describe, expect, it } from "vitest";
import { type TagBox, unstack } from "../../../src/views/round/tag-stack";

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
});
