/** A name tag on the screen: centred on `x`, standing on `bottom`. */
export interface TagBox {
  x: number;
  bottom: number;
  width: number;
  height: number;
}

/**
 * Whether a tag stands under its Santa instead of over him: when over him its top would be
 * above the field's (where the header's score and time are), and once under, until over him
 * it would clear that edge by `margin`, so a Santa moving along the edge doesn't flip his tag
 * back and forth.
 */
export function tagUnder(wasUnder: boolean, overTop: number, fieldTop: number, margin: number) {
  return overTop < fieldTop + (wasUnder ? margin : 0);
}

/**
 * Tags of Santas bunched together would print over each other: each tag that overlaps one
 * lower on the screen moves up to stand on it, so the lowest Santa's tag stays nearest it.
 */
export function unstack(boxes: TagBox[]): void {
  const order = boxes
    .map((_, i) => i)
    .sort((a, b) => (boxes[b] as TagBox).bottom - (boxes[a] as TagBox).bottom);
  for (let k = 1; k < order.length; k++) {
    const box = boxes[order[k] as number] as TagBox;
    // Each move can land on a tag placed before it: look again until none overlaps.
    for (let moved = true; moved; ) {
      moved = false;
      for (let j = 0; j < k; j++) {
        const under = boxes[order[j] as number] as TagBox;
        const apartX = Math.abs(box.x - under.x) >= (box.width + under.width) / 2;
        const apartY =
          box.bottom <= under.bottom - under.height || box.bottom - box.height >= under.bottom;
        if (apartX || apartY) continue;
        box.bottom = under.bottom - under.height - 1;
        moved = true;
      }
    }
  }
}
