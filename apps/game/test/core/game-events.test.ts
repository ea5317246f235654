import { EventEmitter } from "node:events";
import type * as Phaser from "phaser";
import { describe, expect, it } from "vitest";
import { emitGameEvent, type GameEvents, onGameEvent } from "../../src/core/game-events";

function fakeGame() {
  const game = { events: new EventEmitter() } as unknown as Phaser.Game;
  const scene = { game } as unknown as Phaser.Scene;
  return { game, scene };
}

describe("the game's event bus", () => {
  it("delivers an event's payload to its listeners until they stop listening", () => {
    const { game, scene } = fakeGame();
    const seen: GameEvents["status"][] = [];
    const off = onGameEvent(game, "status", (e) => seen.push(e));
    emitGameEvent(scene, "status", { status: "loading" });
    emitGameEvent(scene, "toast", { message: "not a status" });
    off();
    emitGameEvent(scene, "status", { status: "ready" });
    expect(seen).toEqual([{ status: "loading" }]);
  });

  it("keeps its events apart from Phaser's own on the same emitter", () => {
    const { game, scene } = fakeGame();
    const phaserOwn: unknown[] = [];
    (game.events as unknown as EventEmitter).on("status", (e) => phaserOwn.push(e));
    emitGameEvent(scene, "status", { status: "ready" });
    expect(phaserOwn).toEqual([]);
  });

  it("names every status a scene may report in one union (checked by typecheck)", () => {
    const { game, scene } = fakeGame();
    const seen: string[] = [];
    onGameEvent(game, "status", (e) => seen.push(e.status));
    emitGameEvent(scene, "status", { status: "playing" });
    // The lines below must fail typecheck (`tsc` covers the tests): if a status or an event
    // name ever stops being checked, the unused @ts-expect-error fails the build instead.
    if (seen.length === 0) {
      // @ts-expect-error "plaing" is not a ScreenStatus
      emitGameEvent(scene, "status", { status: "plaing" });
      // @ts-expect-error "score" is not one of the game's events
      emitGameEvent(scene, "score", { score: 1 });
    }
    expect(seen).toEqual(["playing"]);
  });
});
