import { describe, expect, it } from "vitest";
import { colors, css } from "../../src/views/theme";

describe("theme colours", () => {
  it("writes 0xRRGGBB as CSS #rrggbb, keeping leading zeros", () => {
    expect(css(colors.night)).toBe("#0b1a33");
    expect(css(0x00000f)).toBe("#00000f");
    expect(css(0xffd166)).toBe("#ffd166");
  });
});
