import { type RoundEvent, SUBUNITS, type Vec } from "@gift-grab/simulation";
import type * as Phaser from "phaser";
import { playSfx } from "../../audio/sfx";
import type { FieldView } from "./field-view";
import type { RoundHud } from "./round-hud";

/**
 * A round's event as the player sees and hears it: sparks and the score's pop at a grab, a
 * shake at a freeze, sparks on Santa at a power-up. The round's end is the scene's to handle.
 */
export function showRoundEvent(
  scene: Phaser.Scene,
  e: RoundEvent,
  on: { field: FieldView; hud: RoundHud; santa: Vec },
): void {
  switch (e.type) {
    case "grab":
      playSfx(scene, "grab");
      on.field.sparksAt(18, { x: e.at.x / SUBUNITS, y: e.at.y / SUBUNITS });
      on.hud.scorePop();
      break;
    case "freeze":
      playSfx(scene, "freeze");
      scene.cameras.main.shake(150, 0.006);
      break;
    case "powerup_taken":
      playSfx(scene, e.kind === "flame" ? "flame" : "cookie");
      on.field.sparksAt(30, on.santa);
      break;
    default:
      break;
  }
}

/**
 * A race's event as the player sees and hears it: sparks at every grab (more at their own
 * Santa's, `mine`); for their own Santa only, the sounds, the score's pop and (with `shake`) a
 * shake at a freeze. The race's end is the scene's to handle.
 */
export function showRaceEvent(
  scene: Phaser.Scene,
  e: RoundEvent,
  mine: boolean,
  on: { field: FieldView; hud: RoundHud; shake: boolean },
): void {
  switch (e.type) {
    case "grab":
      on.field.sparksAt(mine ? 18 : 8, { x: e.at.x / SUBUNITS, y: e.at.y / SUBUNITS });
      if (!mine) break;
      playSfx(scene, "grab");
      on.hud.scorePop();
      break;
    case "freeze":
      if (!mine) break;
      playSfx(scene, "freeze");
      if (on.shake) scene.cameras.main.shake(150, 0.006);
      break;
    case "powerup_taken":
      if (mine) playSfx(scene, e.kind === "flame" ? "flame" : "cookie");
      break;
    default:
      break;
  }
}
