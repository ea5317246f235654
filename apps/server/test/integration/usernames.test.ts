import { randomUUID } from "node:crypto";
import { LEADERBOARD_VIEW, leaderboardView, Username } from "@gift-grab/contracts";
import { describe, expect, it } from "vitest";
import { guest, newClient, rawRpc } from "./nakama";

// Usernames end up on every player's leaderboard: hostile ones are refused at the door.
const hostile = [
  ["markup", "<img src=x onerror=alert(1)>"],
  ["a script tag", "<script>x</script>"],
  ["control characters", "bob\u0000\u0007\u001b[31m"],
  ["SQL-looking text", "x'; DROP TABLE users;--"],
  ["upper case and spaces", "Robert Tables"],
  ["too long", "a".repeat(40)],
] as const;

async function status(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (err) {
    return err instanceof Response ? err.status : -1;
  }
}

describe("usernames are refused unless they follow the contract", () => {
  it.each(hostile)("%s: refused at guest sign-up", async (_name, username) => {
    expect(await status(newClient().authenticateDevice(randomUUID(), true, username))).toBe(400);
  });

  it.each(hostile)("%s: refused as a rename", async (_name, username) => {
    const { client, session } = await guest();
    expect(await status(client.updateAccount(session, { username }))).toBe(400);
    const account = await client.getAccount(session);
    expect(account.user?.username).not.toBe(username);
  });

  it("a new guest gets a name that follows the contract", async () => {
    const { client, session } = await guest();
    const name = (await client.getAccount(session)).user?.username ?? "";
    expect(name).toMatch(/^guest_[0-9a-f]{8}$/);
    expect(Username.safeParse(name).success).toBe(true);
  });

  it("a valid rename goes through and shows on the leaderboard as plain data", async () => {
    const { client, session } = await guest();
    const username = `ok_${randomUUID().slice(0, 8)}`;
    expect(await status(client.updateAccount(session, { username }))).toBe(200);
    expect((await client.getAccount(session)).user?.username).toBe(username);
    const view = await rawRpc(LEADERBOARD_VIEW, "{}", session);
    expect(view.status).toBe(200);
    leaderboardView.response.parse(view.json);
  });
});

// Display names are shown on the board too: any letters, digits, spaces, ' and - (2–24).
describe("display names follow the contract", () => {
  const hostileNames: (readonly [string, string])[] = [
    ...hostile.filter(([name]) => name !== "upper case and spaces"),
    ["an emoji", "Santa 🎅"],
    ["a leading space", " Jolly Elf"],
  ];
  it.each(hostileNames)("%s: refused as a display name", async (_name, display_name) => {
    const { client, session } = await guest();
    expect(await status(client.updateAccount(session, { display_name }))).toBe(400);
    expect((await client.getAccount(session)).user?.display_name ?? "").not.toBe(display_name);
  });

  it("a friendly one goes through", async () => {
    const { client, session } = await guest();
    expect(await status(client.updateAccount(session, { display_name: "Jolly Elf 42" }))).toBe(200);
    expect((await client.getAccount(session)).user?.display_name).toBe("Jolly Elf 42");
  });
});
