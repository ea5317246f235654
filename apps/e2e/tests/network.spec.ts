import type { WebSocketRoute } from "@playwright/test";
import { gameState, timingsParam, waitForGame, watchErrors } from "../support/game";
import { expect, test } from "../support/test";
import { clickButton, playAsGuest, waitForScene } from "../support/ui";

/**
 * Puts the game's socket behind a switch: passed through to the real Nakama while `blocked`
 * is false; `drop()` cuts the live connections (as a dead Wi-Fi would), and while blocked new
 * connections are cut before they open. `silent` swallows every message both ways while the
 * connection stays "open" (a dead route that nobody closes).
 */
async function socketSwitch(context: import("@playwright/test").BrowserContext) {
  const live = new Set<WebSocketRoute>();
  const state = { blocked: false, silent: false, opened: 0 };
  await context.routeWebSocket(/\/ws\?/, (ws) => {
    state.opened++;
    if (state.blocked) {
      void ws.close({ code: 4000, reason: "network blocked by the test" });
      return;
    }
    const server = ws.connectToServer();
    // Forwarded by hand so that `silent` can swallow traffic without closing anything.
    ws.onMessage((m) => {
      if (!state.silent) server.send(m);
    });
    server.onMessage((m) => {
      if (!state.silent) ws.send(m);
    });
    live.add(ws);
    // With handlers set, closes are not forwarded by themselves: pass them on both ways.
    ws.onClose((code, reason) => {
      live.delete(ws);
      void server.close({ code, reason });
    });
    server.onClose((code, reason) => {
      live.delete(ws);
      void ws.close({ code, reason });
    });
  });
  return {
    state,
    drop() {
      state.blocked = true;
      for (const ws of live) void ws.close({ code: 4000, reason: "network dropped by the test" });
      live.clear();
    },
    restore() {
      state.blocked = false;
    },
  };
}

async function userIdOf(page: import("@playwright/test").Page) {
  await clickButton(page, "Account");
  await waitForScene(page, "Account");
  await expect
    .poll(
      async () =>
        ((await gameState(page)).account as { session: { userId: string } | null })?.session,
    )
    .toBeTruthy();
  const id = ((await gameState(page)).account as { session: { userId: string } }).session.userId;
  await clickButton(page, "Back");
  await waitForScene(page, "Menu");
  return id;
}

test("a dropped socket: reconnecting… with backoff, then back on its own, still signed in", async ({
  page,
  context,
}) => {
  const errors = watchErrors(page);
  const net = await socketSwitch(context);
  // Backoff periods of 100 ms doubling to 1 s: three attempts while blocked come quickly.
  await playAsGuest(page, `?${timingsParam({ reconnectBaseMs: 100, reconnectMaxMs: 1_000 })}`);
  await waitForGame(page, (s) => s.connection === "online");
  const userId = await userIdOf(page);

  net.drop();
  await waitForGame(page, (s) => s.connection === "reconnecting", 5_000);
  // While blocked it keeps trying (backing off), and stays "reconnecting".
  await expect.poll(() => net.state.opened, { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
  expect((await gameState(page)).connection).toBe("reconnecting");

  net.restore();
  await waitForGame(page, (s) => s.connection === "online", 40_000);
  expect((await gameState(page)).scene).toBe("Menu");
  expect(await userIdOf(page)).toBe(userId);
  expect(errors).toEqual([]);
});

test('the browser offline: "offline", and back online at once when the network returns', async ({
  page,
  context,
}) => {
  await playAsGuest(page);
  await waitForGame(page, (s) => s.connection === "online");
  await context.setOffline(true);
  await waitForGame(page, (s) => s.connection === "offline", 5_000);
  await context.setOffline(false);
  await waitForGame(page, (s) => s.connection === "online", 5_000);
  expect((await gameState(page)).scene).toBe("Menu");
});

test("a silent connection (no close, no answers): the heartbeat notices, and it reconnects", async ({
  page,
  context,
}) => {
  const net = await socketSwitch(context);
  const heartbeatMs = 2_000;
  await playAsGuest(page, `?${timingsParam({ heartbeatMs })}`);
  await waitForGame(page, (s) => s.connection === "online");
  const opened = net.state.opened;
  // The route dies without a close: the open socket hears nothing, new ones can't get through.
  net.state.silent = true;
  net.state.blocked = true;
  // nakama-js pings every heartbeatMs and gives up after heartbeatMs more without a pong: two
  // periods. The bound is below the default 10 s heartbeat's 20 s, so the setting must apply.
  await waitForGame(page, (s) => s.connection === "reconnecting", 15_000);
  net.state.silent = false;
  net.state.blocked = false;
  await waitForGame(page, (s) => s.connection === "online", 30_000);
  expect(net.state.opened).toBeGreaterThan(opened);
  expect((await gameState(page)).scene).toBe("Menu");
});
