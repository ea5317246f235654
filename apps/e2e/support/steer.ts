import type { Page } from "@playwright/test";

/** What steering at the gift reads of a round or a race: Santa and the gift, world units and page pixels. */
export interface ChaseSight {
  santa: { x: number; y: number; page: { x: number; y: number } };
  gift: { x: number; y: number; page: { x: number; y: number } };
}

/**
 * How long a test player takes to turn toward a gift it has just seen, as a person does: the
 * server holds a run that reacts faster for review (docs/realtime.md "Plausibility"), and a
 * player polling the page on loopback turned within ~100 ms, at the bound.
 */
export const HUMAN_REACTION_MS = 250;

/**
 * A player's eye: whether a person would by now have reacted to this gift, seen first when its
 * place first showed (a new place, or none yet, starts the wait again).
 */
export function humanEye(reactionMs = HUMAN_REACTION_MS) {
  let place = "";
  let seenAt = 0;
  return (gift: { x: number; y: number }) => {
    const now = Date.now();
    const at = `${gift.x},${gift.y}`;
    if (at !== place) {
      place = at;
      seenAt = now;
    }
    return now - seenAt >= reactionMs;
  };
}

/** Keys held down as a player holds them: `hold(key, on)` presses or lets go once; `release` all. */
export function heldKeys(page: Page) {
  const held = new Set<string>();
  return {
    hold: async (key: string, on: boolean) => {
      if (on === held.has(key)) return;
      if (on) await page.keyboard.down(key);
      else await page.keyboard.up(key);
      if (on) held.add(key);
      else held.delete(key);
    },
    release: async () => {
      for (const key of [...held]) await page.keyboard.up(key);
      held.clear();
    },
  };
}

/** Steers with the arrow keys at the gift (held while it lies that way). */
export function keyboardSteer(page: Page) {
  const { hold, release } = heldKeys(page);
  const reacted = humanEye();
  return {
    steer: async (s: ChaseSight) => {
      // The next gift is hidden (far off the field) until it is placed: keep going, as until a
      // person would have turned toward it.
      if (s.gift.x < 0 || !reacted(s.gift)) return;
      const dx = s.gift.x - s.santa.x;
      const dy = s.gift.y - s.santa.y;
      await hold("ArrowRight", dx > 12);
      await hold("ArrowLeft", dx < -12);
      await hold("ArrowDown", dy > 12);
      await hold("ArrowUp", dy < -12);
    },
    release,
  };
}

/** Steers with a finger that lands on Santa and moves toward the gift (drag-follow). */
export async function touchSteer(page: Page, viewport: { width: number; height: number }) {
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: "touchStart" | "touchMove" | "touchEnd", x = 0, y = 0) =>
    cdp.send("Input.dispatchTouchEvent", {
      type,
      touchPoints: type === "touchEnd" ? [] : [{ x, y, id: 1 }],
    });
  let finger: { x: number; y: number } | null = null;
  const reacted = humanEye();
  return {
    steer: async (s: ChaseSight) => {
      if (!finger) {
        // The finger lands on Santa and keeps him (he is held just above it).
        finger = { ...s.santa.page };
        await touch("touchStart", finger.x, finger.y);
        return;
      }
      if (s.gift.x < 0 || !reacted(s.gift)) return;
      // Moves the finger by part of the way from Santa to the gift: he follows it.
      finger = {
        x: Math.min(
          viewport.width - 5,
          Math.max(5, finger.x + (s.gift.page.x - s.santa.page.x) * 0.5),
        ),
        y: Math.min(
          viewport.height - 5,
          Math.max(5, finger.y + (s.gift.page.y - s.santa.page.y) * 0.5),
        ),
      };
      await touch("touchMove", finger.x, finger.y);
    },
    release: async () => {
      if (finger) await touch("touchEnd");
      finger = null;
    },
  };
}
