import { describe, expect, it } from "vitest";
import { runLinkFrom, runLinkUrl, withoutRunLink } from "../../src/config/run-link";

const owner = "0f8fad5b-d9cb-469f-a165-70867728950e";

describe("a shared run's link", () => {
  it("names the run on this page, keeping the page's other settings", () => {
    const url = runLinkUrl("https://grab.example/play/?nakama_port=7350#x", {
      ownerId: owner,
      score: 23,
    });
    expect(url).toBe(`https://grab.example/play/?nakama_port=7350&run=${owner}&score=23`);
    expect(runLinkFrom(url)).toEqual({ ownerId: owner, score: 23 });
    expect(withoutRunLink(url)).toBe("https://grab.example/play/?nakama_port=7350");
  });

  it("is no run at all unless both parts could be real", () => {
    for (const query of [
      "",
      `?run=${owner}`,
      "?run=nope&score=3",
      `?run=${owner}&score=-1`,
      `?run=${owner}&score=2.5`,
      `?run=${owner}&score=99999999`,
      `?run=${owner}x&score=3`,
    ]) {
      expect(runLinkFrom(`https://grab.example/${query}`)).toBeNull();
    }
    expect(runLinkFrom(`https://grab.example/?run=${owner.toUpperCase()}&score=0`)).toEqual({
      ownerId: owner,
      score: 0,
    });
  });
});
