import { DisplayName } from "@gift-grab/contracts";
import { describe, expect, it } from "vitest";
import { friendlyName, NAME_ADJECTIVES, NAME_NOUNS } from "../../src/net/session/friendly-name";

describe("a new guest's friendly name", () => {
  it("is two words and a number, e.g. Jolly Elf 42", () => {
    const seq = [0, 0, 41 / 99];
    expect(friendlyName(() => seq.shift() ?? 0)).toBe("Jolly Elf 42");
  });

  it("always follows the DisplayName rule, for every word pair and both ends of the numbers", () => {
    for (const a of NAME_ADJECTIVES) {
      for (const n of NAME_NOUNS) {
        for (const num of [1, 99]) {
          const name = `${a} ${n} ${num}`;
          expect(DisplayName.safeParse(name).success, name).toBe(true);
        }
      }
    }
    for (let i = 0; i < 200; i++) expect(DisplayName.safeParse(friendlyName()).success).toBe(true);
  });
});
