// Is a Nakama config fit for production? Every key left at Nakama's default or at our dev-only
// value, and a console that listens on every interface, is a problem (Nakama itself only logs
// a warning for default keys and starts anyway).

/** Secrets: where they live, Nakama's default, and what a human should set instead. */
const SECRETS = [
  { path: "socket.server_key", nakamaDefault: "defaultkey" },
  { path: "session.encryption_key", nakamaDefault: "defaultencryptionkey" },
  { path: "session.refresh_encryption_key", nakamaDefault: "defaultrefreshencryptionkey" },
  { path: "runtime.http_key", nakamaDefault: "defaulthttpkey" },
  { path: "console.username", nakamaDefault: "admin" },
  { path: "console.password", nakamaDefault: "password" },
  { path: "console.signing_key", nakamaDefault: "defaultsigningkey" },
];

/** Keys that sign or authorise something: shorter than this is guessable. */
const MIN_KEY_LENGTH = 16;
const SIGNING_KEYS = new Set([
  "session.encryption_key",
  "session.refresh_encryption_key",
  "runtime.http_key",
  "console.signing_key",
]);

function get(config: unknown, dotted: string): unknown {
  return dotted
    .split(".")
    .reduce<unknown>(
      (node, key) =>
        node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined,
      config,
    );
}

/** Loopback or a private-network address: the console is then not on the open internet. */
export function isPrivateBind(address: unknown) {
  if (typeof address !== "string") return false;
  const a = address.trim().toLowerCase();
  if (a === "localhost" || a === "::1") return true;
  if (/^fd[0-9a-f]{2}:/.test(a)) return true; // IPv6 unique local
  const m = a.match(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/);
  if (!m) return false;
  const [o1, o2] = [Number(m[1]), Number(m[2])];
  return (
    o1 === 127 || o1 === 10 || (o1 === 172 && o2 >= 16 && o2 <= 31) || (o1 === 192 && o2 === 168)
  );
}

/** Every production problem in a parsed Nakama config, one sentence each. */
export function findProblems(config: unknown) {
  const problems: string[] = [];
  const cfg = config && typeof config === "object" ? config : {};
  for (const { path: key, nakamaDefault } of SECRETS) {
    const value = get(cfg, key);
    if (value === undefined || value === null || value === "") {
      problems.push(`${key} is not set, so Nakama uses its public default "${nakamaDefault}"`);
    } else if (String(value) === nakamaDefault) {
      problems.push(`${key} is Nakama's public default "${nakamaDefault}"`);
    } else if (/^dev-only/i.test(String(value))) {
      problems.push(`${key} is a dev-only value from infra/nakama/local.yml`);
    } else if (SIGNING_KEYS.has(key) && String(value).length < MIN_KEY_LENGTH) {
      problems.push(`${key} is shorter than ${MIN_KEY_LENGTH} characters`);
    }
  }
  const sessionKey = get(cfg, "session.encryption_key");
  if (sessionKey && sessionKey === get(cfg, "session.refresh_encryption_key")) {
    problems.push("session.encryption_key and session.refresh_encryption_key are the same");
  }
  const consoleAddress = get(cfg, "console.address");
  if (consoleAddress === undefined || consoleAddress === null || consoleAddress === "") {
    problems.push(
      "console.address is not set, so the console listens on every interface: bind it to 127.0.0.1 or a private address",
    );
  } else if (!isPrivateBind(String(consoleAddress))) {
    problems.push(
      `console.address ${consoleAddress} is open: bind it to 127.0.0.1 or a private address`,
    );
  }
  return problems;
}
