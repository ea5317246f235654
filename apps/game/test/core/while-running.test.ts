import { EventEmitter } from "node:events";
import type * as Phaser from "phaser";
import { describe, expect, it } from "vitest";
import { whileRunning } from "../../src/core/while-running";

/** A scene as whileRunning sees it: its own event emitter, shut down and started at will. */
function fakeScene() {
  const events = new EventEmitter();
  return {
    scene: { sys: { events } } as unknown as Phaser.Scene,
    shutDown: () => events.emit("shutdown"),
    destroy: () => events.emit("destroy"),
    listeners: () => events.listenerCount("shutdown") + events.listenerCount("destroy"),
  };
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every queued promise job run. */
const drain = () => new Promise((r) => setTimeout(r, 0));

describe("whileRunning", () => {
  it("passes a result or a failure through while the scene runs, and stops listening", async () => {
    const s = fakeScene();
    await expect(whileRunning(s.scene, Promise.resolve(7))).resolves.toBe(7);
    await expect(whileRunning(s.scene, Promise.reject(new Error("no")))).rejects.toThrow("no");
    expect(s.listeners()).toBe(0);
  });

  it("never delivers a result that arrives after the scene shut down, even if it runs again", async () => {
    const s = fakeScene();
    const net = deferred<string>();
    const seen: string[] = [];
    void whileRunning(s.scene, net.promise).then((v) => seen.push(v));
    s.shutDown(); // and Phaser starts the same instance again: still no delivery
    net.resolve("stats");
    await drain();
    expect(seen).toEqual([]);
    expect(s.listeners()).toBe(0);
  });

  it("drops a failure that arrives after a shutdown or destroy (no unhandled rejection)", async () => {
    for (const end of ["shutDown", "destroy"] as const) {
      const s = fakeScene();
      const net = deferred<string>();
      const seen: unknown[] = [];
      whileRunning(s.scene, net.promise).catch((e) => seen.push(e));
      s[end]();
      net.reject(new Error("offline"));
      await drain();
      expect(seen).toEqual([]);
    }
  });
});
