import { describe, expect, it } from "vitest";
import { raceWatchFrom, raceWatchUrl, withoutRaceWatch } from "../../src/config/race-watch-link";

const ID = "0b6d9c1e-3f4a-4b5c-8d7e-9f0a1b2c3d4e.nakama1";

describe("a finished race's link", () => {
  it("names the race on this page, its other settings kept and any other link dropped", () => {
    const url = raceWatchUrl(
      "https://play.example/?nakama_port=7351&run=x&score=3&race=ABC#top",
      ID,
    );
    expect(new URL(url).searchParams.get("watch_race")).toBe(ID);
    expect(new URL(url).searchParams.get("nakama_port")).toBe("7351");
    for (const gone of ["run", "score", "race"])
      expect(new URL(url).searchParams.has(gone)).toBe(false);
    expect(new URL(url).hash).toBe("");
    expect(raceWatchFrom(url)).toBe(ID);
  });

  it("reads only ids a match could have", () => {
    expect(raceWatchFrom("https://play.example/")).toBeNull();
    expect(raceWatchFrom("https://play.example/?watch_race=")).toBeNull();
    expect(raceWatchFrom("https://play.example/?watch_race=not-an-id")).toBeNull();
    expect(raceWatchFrom(`https://play.example/?watch_race=${ID}%3Cscript%3E`)).toBeNull();
    // A match on a node with no name (Nakama's id ends in a dot).
    expect(
      raceWatchFrom("https://play.example/?watch_race=0b6d9c1e-3f4a-4b5c-8d7e-9f0a1b2c3d4e."),
    ).toBe("0b6d9c1e-3f4a-4b5c-8d7e-9f0a1b2c3d4e.");
  });

  it("is dropped from the address once opened", () => {
    expect(withoutRaceWatch(`https://play.example/?nakama_port=7351&watch_race=${ID}`)).toBe(
      "https://play.example/?nakama_port=7351",
    );
  });
});
