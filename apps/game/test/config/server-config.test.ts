import { describe, expect, it } from "vitest";
import { loadClientConfig } from "../../src/config/client-config";

const loadServerConfig = async (url: URL, file: (path: string) => Promise<unknown>) =>
  (await loadClientConfig(url, file)).server;

const noFile = async () => ({});

describe("where the game finds its server", () => {
  it("defaults to the local Nakama of npm start", async () => {
    expect(await loadServerConfig(new URL("http://x/"), noFile)).toEqual({
      host: "127.0.0.1",
      port: "7350",
      useSSL: false,
      serverKey: "defaultkey",
    });
  });

  it("lets config.json override the build, and URL parameters override both", async () => {
    const file = async () => ({ host: "game.example.org", port: "443", useSSL: true });
    const fromFile = await loadServerConfig(new URL("http://x/"), file);
    expect(fromFile).toMatchObject({ host: "game.example.org", port: "443", useSSL: true });
    const fromUrl = await loadServerConfig(
      new URL("http://x/?nakama_port=9999&nakama_ssl=false&nakama_key=k"),
      file,
    );
    expect(fromUrl).toEqual({
      host: "game.example.org",
      port: "9999",
      useSSL: false,
      serverKey: "k",
    });
  });

  it("ignores a config.json of the wrong shape and a missing one", async () => {
    const bad = async () => ({ port: 7350 });
    expect((await loadServerConfig(new URL("http://x/"), bad)).port).toBe("7350");
    const failing = async () => {
      throw new Error("404");
    };
    expect((await loadServerConfig(new URL("http://x/"), failing)).port).toBe("7350");
  });
});
