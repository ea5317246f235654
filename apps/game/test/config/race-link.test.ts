import { describe, expect, it } from "vitest";
import {
  raceCodeFrom,
  raceLinkUrl,
  showRaceCode,
  withoutRaceLink,
} from "../../src/config/race-link";

describe("a friend race's link", () => {
  it("names the race on this page, keeping the page's other settings (not a shared run)", () => {
    const url = raceLinkUrl(
      "https://grab.example/play/?nakama_port=7350&run=x&score=3#y",
      "ABCDE23456",
    );
    expect(url).toBe("https://grab.example/play/?nakama_port=7350&race=ABCDE23456");
    expect(raceCodeFrom(url)).toBe("ABCDE23456");
    expect(withoutRaceLink(url)).toBe("https://grab.example/play/?nakama_port=7350");
  });

  it("reads a code as typed (any case, dashes and spaces), and nothing that can't be one", () => {
    expect(raceCodeFrom("https://grab.example/?race=abcde-23456")).toBe("ABCDE23456");
    expect(raceCodeFrom("https://grab.example/?race=ABC%20DE23456")).toBe("ABCDE23456");
    for (const q of ["", "?race=", "?race=ABCDE2345", "?race=ABCDE234567", "?race=ABCDE2345O"])
      expect(raceCodeFrom(`https://grab.example/${q}`)).toBeNull();
  });

  it("shows a code as people read it", () => {
    expect(showRaceCode("ABCDE23456")).toBe("ABCDE-23456");
  });
});
