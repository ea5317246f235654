import { describe, expect, it } from "vitest";
import { loadClientConfig } from "../../src/config/client-config";
import { defaultNetTimings, NetTimingsError, readNetTimings } from "../../src/config/net-timings";

describe("the net layer's timings", () => {
  it("default to the player's values when nothing sets them", async () => {
    expect(readNetTimings(undefined, null)).toEqual(defaultNetTimings);
    expect((await loadClientConfig(new URL("http://x/"), async () => ({}))).timings).toEqual(
      defaultNetTimings,
    );
  });

  it("take config.json's timings, and the test build's ?timings= over them", async () => {
    const file = async () => ({
      port: "7351",
      timings: { heartbeatMs: 3_000, reconnectBaseMs: 200 },
    });
    const fromFile = await loadClientConfig(new URL("http://x/"), file);
    expect(fromFile.timings).toEqual({
      ...defaultNetTimings,
      heartbeatMs: 3_000,
      reconnectBaseMs: 200,
    });
    expect(fromFile.server.port).toBe("7351");
    const fromUrl = await loadClientConfig(
      new URL("http://x/"),
      file,
      "heartbeatMs:1000,refreshRetryMaxMs:2000",
    );
    expect(fromUrl.timings).toEqual({
      ...defaultNetTimings,
      heartbeatMs: 1_000,
      reconnectBaseMs: 200,
      refreshRetryMaxMs: 2_000,
    });
  });

  it.each([
    ["an unknown name", { heartbeat: 1000 }, null, /heartbeat/],
    ["a fraction", { heartbeatMs: 1000.5 }, null, /heartbeatMs/],
    ["a value below its floor", { heartbeatMs: 10 }, null, /heartbeatMs/],
    ["a string", { heartbeatMs: "1000" }, null, /heartbeatMs/],
    [
      "a base above its max",
      {},
      "reconnectBaseMs:5000,reconnectMaxMs:1000",
      /reconnectBaseMs \(5000\) is above reconnectMaxMs/,
    ],
    ["a URL entry without a value", {}, "heartbeatMs", /"heartbeatMs" is not name:milliseconds/],
    ["a URL entry that is not a number", {}, "heartbeatMs:soon", /not name:milliseconds/],
    ["an unknown URL name", {}, "pingMs:1000", /\?timings=: pingMs/],
  ])("refuse %s, naming it", (_what, file, url, message) => {
    expect(() => readNetTimings(file, url)).toThrow(NetTimingsError);
    expect(() => readNetTimings(file, url)).toThrow(message);
  });

  it("refuse a bad config.json timings when the page loads (the page says why)", async () => {
    await expect(
      loadClientConfig(new URL("http://x/"), async () => ({ timings: { heartbeatMs: -1 } })),
    ).rejects.toThrow(/config.json timings: heartbeatMs/);
  });
});
