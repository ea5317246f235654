import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import { type Browser, type Page, test } from "@playwright/test";

/**
 * Client performance numbers, printed (never asserted):
 * - 5th-percentile fps over 10 s with 50 extra moving sprites (`?bench=50`), headless Chromium,
 *   with the renderer the game picks for this machine and with WebGL forced (`?renderer=webgl`),
 *   at 1280×720 on a 1× screen, then on a 2× screen and a 3× phone, at the pixel ratio the
 *   game picks there and at 2× forced (`?dpr=2`);
 * - initial JS of the production build, gzipped;
 * - time to the first interactive screen on localhost (new player: sign-in form; returning: menu);
 * - load → playable on a throttled phone: 390×844 touch at 2×, the CPU 4× slower and DevTools'
 *   "Fast 4G" network (Chromium's emulation through CDP), new player to the sign-in form and
 *   returning player to the menu.
 * Run: pnpm --filter @gift-grab/e2e bench:fps
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const gameDir = path.resolve(here, "../../game");
const resultsDir = path.join(here, "results");

interface Numbers {
  [k: string]: number | string;
}
const results: Numbers = {};

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.floor((p / 100) * sorted.length)));
  return sorted[i] as number;
}

/**
 * rAF intervals over 10 s of a benchmark round, and the renderer the game chose; at the
 * display's rate, not the test build's 30 fps cap (`?frames=display`).
 */
async function measureFps(page: Page, query: string, label: string) {
  await page.goto(`/?bench=50&seed=1&frames=display${query}`);
  await page.waitForFunction(
    () =>
      (window as unknown as { __giftGrabProbe?: { state: { scene: string; status: string } } })
        .__giftGrabProbe?.state.status === "playing",
  );
  await page.waitForTimeout(1000); // warm-up: shader compiles, first uploads
  const { deltas, renderer, canvas } = await page.evaluate(
    () =>
      new Promise<{ deltas: number[]; renderer: string; canvas: string }>((resolve) => {
        const state = (window as unknown as { __giftGrabProbe: { state: Record<string, unknown> } })
          .__giftGrabProbe.state;
        const choice = state.renderer as { kind: string; why: string };
        const out: number[] = [];
        let last = performance.now();
        const end = last + 10_000;
        const frame = (now: number) => {
          out.push(now - last);
          last = now;
          if (now < end) requestAnimationFrame(frame);
          else {
            const c = document.querySelector("canvas") as HTMLCanvasElement;
            resolve({
              deltas: out,
              renderer: `${choice.kind} (${choice.why})`,
              canvas: `${c.width}x${c.height} for ${c.clientWidth}x${c.clientHeight} css`,
            });
          }
        };
        requestAnimationFrame(frame);
      }),
  );
  const fps = deltas.map((d) => 1000 / d).sort((a, b) => a - b);
  results[`${label}_renderer`] = renderer;
  results[`${label}_canvas`] = canvas;
  results[`${label}_frames`] = deltas.length;
  results[`${label}_fps_p5`] = Number(percentile(fps, 5).toFixed(1));
  results[`${label}_fps_median`] = Number(percentile(fps, 50).toFixed(1));
  results[`${label}_fps_mean`] = Number(
    ((deltas.length * 1000) / deltas.reduce((a, b) => a + b, 0)).toFixed(1),
  );
}

/** A page of its own at this size and device pixel ratio. */
async function onScreen(
  browser: Browser,
  screen: { width: number; height: number; dpr: number },
  run: (page: Page) => Promise<void>,
) {
  const context = await browser.newContext({
    viewport: { width: screen.width, height: screen.height },
    deviceScaleFactor: screen.dpr,
  });
  await run(await context.newPage());
  await context.close();
}

const desktop = { width: 1280, height: 720, dpr: 1 };

test("fps with 50 moving sprites over 10 s, the renderer the game picks", async ({ browser }) => {
  await onScreen(browser, desktop, (page) => measureFps(page, "", "auto"));
});

test("fps with 50 moving sprites over 10 s, WebGL forced", async ({ browser }) => {
  await onScreen(browser, desktop, (page) => measureFps(page, "&renderer=webgl", "webgl"));
});

// Screens of 2× and 3×: the game's default ratio for the renderer it picks (1× with Canvas,
// up to 2× with WebGL), then a 2× canvas forced (`dpr=2`), 4× the pixels to fill.
test("fps on 2× and 3× screens: the default ratio, and 2× forced", async ({ browser }) => {
  await onScreen(browser, { ...desktop, dpr: 2 }, (page) => measureFps(page, "", "dpr2_default"));
  await onScreen(browser, { ...desktop, dpr: 2 }, (page) =>
    measureFps(page, "&dpr=2", "dpr2_forced"),
  );
  await onScreen(browser, { width: 390, height: 844, dpr: 3 }, (page) =>
    measureFps(page, "", "phone_dpr3_default"),
  );
  await onScreen(browser, { width: 390, height: 844, dpr: 3 }, (page) =>
    measureFps(page, "&dpr=2", "phone_dpr2_forced"),
  );
});

test("time to first interactive screen", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const ready = (scene: string) =>
    page.waitForFunction(
      (s) => {
        const st = (
          window as unknown as { __giftGrabProbe?: { state: { scene: string; status: string } } }
        ).__giftGrabProbe?.state;
        return st?.scene === s && st.status === "ready" ? performance.now() : 0;
      },
      scene,
      { polling: "raf" },
    );
  await page.goto("/");
  results.first_visit_signin_ms = Math.round(Number(await (await ready("SignIn")).jsonValue()));
  await page.getByRole("button", { name: "Play as guest" }).click();
  // A new guest chooses a name first (kept as generated).
  await page
    .getByRole("form", { name: "Choose your name" })
    .getByRole("button", { name: "Play", exact: true })
    .click();
  await ready("Menu");
  await page.reload();
  results.returning_menu_ms = Math.round(Number(await (await ready("Menu")).jsonValue()));
  await context.close();
});

/**
 * DevTools' "Fast 4G" preset (its network panel's values: 9 Mbps down, 1.5 Mbps up, 60 ms
 * latency, scaled as DevTools scales them: ×0.9 throughput, ×2.75 latency).
 */
const FAST_4G = {
  offline: false,
  latency: 60 * 2.75,
  downloadThroughput: ((9 * 1000 * 1000) / 8) * 0.9,
  uploadThroughput: ((1.5 * 1000 * 1000) / 8) * 0.9,
};

test("load → playable on a throttled phone (4× CPU, fast 4G)", async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    hasTouch: true,
    isMobile: true,
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  // Every load fetches the game again, as a first visit does (no HTTP cache).
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", FAST_4G);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  // performance.now() when the scene is up and ready: ms since the navigation started.
  const readyAt = async (scene: string) =>
    Math.round(
      Number(
        await (
          await page.waitForFunction(
            (s) => {
              const st = (
                window as unknown as {
                  __giftGrabProbe?: { state: { scene: string; status: string } };
                }
              ).__giftGrabProbe?.state;
              return st?.scene === s && st.status === "ready" ? performance.now() : 0;
            },
            scene,
            { polling: "raf", timeout: 60_000 },
          )
        ).jsonValue(),
      ),
    );
  await page.goto("/");
  results.phone_throttled_signin_ms = await readyAt("SignIn");
  // Where that time went: the script on the device, then running it up to the first screen.
  results.phone_throttled_js_fetched_ms = await page.evaluate(() =>
    Math.round(
      Math.max(
        0,
        ...performance
          .getEntriesByType("resource")
          .filter((e) => e.name.endsWith(".js"))
          .map((e) => (e as PerformanceResourceTiming).responseEnd),
      ),
    ),
  );
  await page.getByRole("button", { name: "Play as guest" }).click();
  await page
    .getByRole("form", { name: "Choose your name" })
    .getByRole("button", { name: "Play", exact: true })
    .click();
  await readyAt("Menu");
  await page.reload();
  results.phone_throttled_menu_ms = await readyAt("Menu");
  await context.close();
});

test("initial JS size of the production build (gzipped)", () => {
  execFileSync("pnpm", ["exec", "vite", "build", "--outDir", "dist", "--logLevel", "error"], {
    cwd: gameDir,
    stdio: "inherit",
  });
  const html = fs.readFileSync(path.join(gameDir, "dist/index.html"), "utf8");
  const scripts = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+\.js)"/g)].map(
    (m) => m[1] ?? "",
  );
  let raw = 0;
  let gz = 0;
  for (const s of scripts) {
    const buf = fs.readFileSync(path.join(gameDir, "dist", s.replace(/^\//, "")));
    raw += buf.length;
    gz += zlib.gzipSync(buf, { level: 9 }).length;
  }
  results.initial_js_files = scripts.length;
  results.initial_js_kb = Number((raw / 1024).toFixed(1));
  results.initial_js_gzip_kb = Number((gz / 1024).toFixed(1));
});

test.afterAll(() => {
  fs.mkdirSync(resultsDir, { recursive: true });
  const line = JSON.stringify({ at: new Date().toISOString(), ...results });
  fs.appendFileSync(path.join(resultsDir, "fps.jsonl"), `${line}\n`);
  console.log("\n== client benchmark ==");
  for (const [k, v] of Object.entries(results)) console.log(`${k.padEnd(24)} ${v}`);
});
