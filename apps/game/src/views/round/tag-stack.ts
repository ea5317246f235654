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

/** Whether two tags print clear of each other. */
function apart(a: TagBox, b: TagBox): boolean {
  const apartX = Math.abs(a.x - b.x) >= (a.width + b.width) / 2;
  const apartY = a.bottom <= b.bottom - b.height || a.bottom - a.height >= b.bottom;
  return apartX || apartY;
}

/**
 * Tags of Santas bunched together would print over each other: each tag that overlaps one
 * lower on the screen moves up to stand on it, so the lowest Santa's tag stays nearest it.
 * A column that would rise past `top` (Santas bunched at the field's top edge, where the
 * header's score and time are) hangs from it instead: each tag, from the top, moves down under
 * any it overlaps.
 */
export function unstack(boxes: TagBox[], top = Number.NEGATIVE_INFINITY): void {
  settle(boxes, lowestFirst(boxes), (_, under) => under.bottom - under.height - 1);
  if (boxes.every((b) => b.bottom - b.height >= top)) return;
  for (const box of boxes) box.bottom = Math.max(box.bottom, top + box.height);
  settle(boxes, lowestFirst(boxes).reverse(), (box, over) => over.bottom + box.height + 1);
}

/** The tags' indices, the lowest on the screen first. */
const lowestFirst = (boxes: TagBox[]) =>
  boxes.map((_, i) => i).sort((a, b) => bottomOf(boxes, b) - bottomOf(boxes, a));

/**
 * Places the tags in `order`, each moved (`beside`: its new bottom next to a tag placed before
 * it) until it overlaps none of them; each move can land on another, so it looks again.
 */
function settle(
  boxes: TagBox[],
  order: number[],
  beside: (box: TagBox, placed: TagBox) => number,
): void {
  for (let k = 1; k < order.length; k++) {
    const box = boxes[order[k] as number] as TagBox;
    for (let moved = true; moved; ) {
      moved = false;
      for (let j = 0; j < k; j++) {
        const placed = boxes[order[j] as number] as TagBox;
        if (apart(box, placed)) continue;
        box.bottom = beside(box, placed);
        moved = true;
      }
    }
  }
}

const bottomOf = (boxes: TagBox[], i: number) => (boxes[i] as TagBox).bottom;
