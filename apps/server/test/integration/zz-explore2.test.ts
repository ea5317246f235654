import { it } from "vitest";
import { baseUrl, guest } from "./nakama";

it("explore2", async () => {
  const { session } = await guest();
  const h = { authorization: `Bearer ${session.token}`, "content-type": "application/json" };
  const basic = {
    authorization: `Basic ${btoa("defaultkey:")}`,
    "content-type": "application/json",
  };
  const uid = session.user_id;
  const calls: [string, string, string, unknown?, boolean?][] = [
    ["PUT", "/v2/account", "username129", { username: "a".repeat(129) }],
    ["PUT", "/v2/account", "emptyusername", { username: "" }],
    ["PUT", "/v2/account", "langtag-ws", { lang_tag: "   " }],
    ["GET", `/v2/leaderboard/weekly_leaderboard/owner/${uid}?limit=1000`, "around-limit"],
    ["GET", `/v2/leaderboard/weekly_leaderboard/owner/${uid}?cursor=zzz`, "around-cursor"],
    ["GET", `/v2/leaderboard/weekly_leaderboard?expiry=-5`, "list-expiry"],
    ["GET", `/v2/leaderboard/weekly_leaderboard?expiry=99999999999999`, "list-expiry-big"],
    ["GET", "/v2/storage/notes?limit=1000", "storage-limit"],
    ["GET", `/v2/storage/notes/${uid}?limit=0`, "storage-limit0"],
    [
      "POST",
      "/v2/storage",
      "read-many",
      {
        object_ids: Array.from({ length: 2000 }, (_, i) => ({
          collection: "n",
          key: `k${i}`,
          user_id: uid,
        })),
      },
    ],
    [
      "PUT",
      "/v2/storage",
      "write-many",
      {
        objects: Array.from({ length: 500 }, (_, i) => ({
          collection: "n",
          key: `k${i}`,
          value: "{}",
        })),
      },
    ],
    [
      "PUT",
      "/v2/storage",
      "write-deep",
      {
        objects: [
          { collection: "n", key: "deep", value: `${'{"a":'.repeat(3000)}1${"}".repeat(3000)}` },
        ],
      },
    ],
    ["POST", "/v2/account/link/facebook", "link-fb", { token: "x" }],
    ["POST", "/v2/account/link/google", "link-google", { token: "x" }],
    ["POST", "/v2/account/link/apple", "link-apple", { token: "x" }],
    ["POST", "/v2/account/link/steam", "link-steam", { account: { token: "x" } }],
    [
      "POST",
      "/v2/account/link/gamecenter",
      "link-gc",
      {
        player_id: "p",
        bundle_id: "b",
        timestamp_seconds: "1",
        salt: "s",
        signature: "s",
        public_key_url: "https://x",
      },
    ],
    ["POST", "/v2/account/link/facebookinstantgame", "link-fbig", { signed_player_info: "x.y" }],
    ["POST", "/v2/account/authenticate/facebook?create=true", "auth-fb", { token: "x" }, true],
    ["POST", "/v2/account/authenticate/google?create=true", "auth-google", { token: "x" }, true],
    ["POST", "/v2/account/authenticate/apple?create=true", "auth-apple", { token: "x" }, true],
    ["POST", "/v2/account/authenticate/steam?create=true", "auth-steam", { token: "x" }, true],
    [
      "POST",
      "/v2/account/authenticate/gamecenter?create=true",
      "auth-gc",
      {
        player_id: "p",
        bundle_id: "b",
        timestamp_seconds: "1",
        salt: "s",
        signature: "s",
        public_key_url: "https://x",
      },
      true,
    ],
    [
      "POST",
      "/v2/account/authenticate/facebookinstantgame?create=true",
      "auth-fbig",
      { signed_player_info: "x.y" },
      true,
    ],
    [
      "POST",
      "/v2/account/unlink/email",
      "unlink-email",
      { email: "a@b.co", password: "password1" },
    ],
    ["POST", "/v2/account/unlink/custom", "unlink-custom", { id: "abcdefg" }],
    ["POST", "/v2/account/unlink/facebook", "unlink-fb", { token: "x" }],
    ["POST", "/v2/account/session/refresh", "refresh-junk", { token: "x.y.z" }, true],
    [
      "POST",
      "/v2/account/session/refresh",
      "refresh-vars",
      { token: session.refresh_token, vars: { a: "x".repeat(10000) } },
      true,
    ],
    ["GET", "/v2/account/link/steam", "get-linksteam"],
    ["POST", "/v2/iap/purchase/apple", "iap-apple", { receipt: "x" }],
    ["POST", "/v2/iap/purchase/google", "iap-google", { purchase: "x" }],
    ["GET", "/v2/iap/subscription?limit=10", "iap-subs"],
    ["GET", "/v2/leaderboard/weekly_leaderboard?limit=0", "lb-limit0"],
    ["GET", `/v2/user?ids=${uid}&facebook_ids=${"x".repeat(300)}`, "user-fb"],
    [
      "POST",
      "/v2/event",
      "event-big",
      {
        name: "x",
        properties: Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, "v"])),
      },
    ],
    ["GET", `/v2/tournament?limit=1000`, "tournaments-limit"],
    ["GET", `/v2/tournament?cursor=zzz`, "tournaments-cursor"],
  ];
  for (const [method, path, name, body, useBasic] of calls) {
    const res = await fetch(`${baseUrl()}${path}`, {
      method,
      headers: useBasic ? basic : h,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    console.log(`RES ${res.status} ${name} ${text.slice(0, 150)}`);
  }
});
