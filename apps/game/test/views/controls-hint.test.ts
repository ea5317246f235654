import { describe, expect, it } from "vitest";
import { controlsHint, controlsHintSeen } from "../../src/views/round/controls-hint";

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
}

describe("the controls hint", () => {
  it("names the controls of the device, until it has been seen once", () => {
    const storage = memoryStorage();
    expect(controlsHint(true, storage)).toContain("Touch anywhere and drag");
    expect(controlsHint(false, storage)).toContain("Arrow keys, WASD or the mouse");
    controlsHintSeen(storage);
    expect(controlsHint(true, storage)).toBeNull();
    expect(controlsHint(false, storage)).toBeNull();
  });
});
