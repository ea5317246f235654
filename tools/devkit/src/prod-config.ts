// Is a Nakama config fit for production? Every key left at Nakama's default or at our dev-only
// value, and a console that listens on every interface, is a problem (Nakama itself only logs
// a warning for default keys and starts anyway). So are session lifetimes beyond what
// docs/security.md argues for, a weak console password, a session policy Nakama's session
// settings can't hold, and a rate limit outside its range (packages/contracts/src/limits.ts).
import {
  LIMITS,
  type LimitName,
  limitEnvVar,
  policyMismatch,
  SessionPolicy,
} from "@gift-grab/contracts";

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

/**
 * Session lifetimes (docs/security.md "Session lifetimes"): a session token is the one thing a
 * restart can't revoke (Nakama's session cache is memory), so it must stay short; a refresh
 * token lives at most as long as a login may (MAX_LOGIN_DAYS' own bound).
 */
export const MAX_TOKEN_EXPIRY_SEC = 3600;
export const MAX_REFRESH_EXPIRY_SEC = 30 * 86_400;
export const MAX_LOGIN_DAYS = 90;
/** Nakama's own defaults, used when the key is absent. */
const NAKAMA_TOKEN_EXPIRY_SEC = 60;
const NAKAMA_REFRESH_EXPIRY_SEC = 3600;

/** A console password shorter than this, of one kind of character, or a common one, is weak. */
export const MIN_CONSOLE_PASSWORD = 12;
const COMMON_PASSWORDS = new Set([
  "password",
  "changeme",
  "administrator",
  "nakama",
  "qwertyuiop",
  "letmein",
  "welcome",
  "iloveyou",
  "passw0rd",
  "password1",
  "password123",
  "admin123",
  "123456789012",
]);

function consolePasswordProblem(password: string, username: unknown): string | undefined {
  const lower = password.toLowerCase();
  if (password.length < MIN_CONSOLE_PASSWORD)
    return `console.password is shorter than ${MIN_CONSOLE_PASSWORD} characters`;
  if (COMMON_PASSWORDS.has(lower) || /^(.)\1+$/.test(password))
    return "console.password is a common password";
  if (
    typeof username === "string" &&
    username.length >= 3 &&
    lower.includes(username.toLowerCase())
  )
    return "console.password contains console.username";
  if (/^[a-z]+$/i.test(password) || /^\d+$/.test(password))
    return "console.password is only letters or only digits: mix letters, digits and symbols";
  return undefined;
}

/** runtime.env as Nakama reads it: a list of KEY=VALUE strings. */
function runtimeEnv(config: unknown): Map<string, string> {
  const env = new Map<string, string>();
  const list = get(config, "runtime.env");
  if (!Array.isArray(list)) return env;
  for (const entry of list) {
    const text = String(entry);
    const eq = text.indexOf("=");
    if (eq > 0) env.set(text.slice(0, eq).trim(), text.slice(eq + 1).trim());
  }
  return env;
}

function numberAt(config: unknown, key: string, fallback: number): number | undefined {
  const value = get(config, key);
  if (value === undefined || value === null || value === "") return fallback;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

function sessionProblems(cfg: unknown, env: Map<string, string>): string[] {
  const problems: string[] = [];
  const token = numberAt(cfg, "session.token_expiry_sec", NAKAMA_TOKEN_EXPIRY_SEC);
  const refresh = numberAt(cfg, "session.refresh_token_expiry_sec", NAKAMA_REFRESH_EXPIRY_SEC);
  if (token === undefined || token <= 0) {
    problems.push("session.token_expiry_sec is not a positive number of seconds");
  } else if (token > MAX_TOKEN_EXPIRY_SEC) {
    problems.push(
      `session.token_expiry_sec ${token} is longer than ${MAX_TOKEN_EXPIRY_SEC} s: a revoked token stays usable that long after a restart (docs/security.md)`,
    );
  }
  if (refresh === undefined || refresh <= 0) {
    problems.push("session.refresh_token_expiry_sec is not a positive number of seconds");
  } else if (refresh > MAX_REFRESH_EXPIRY_SEC) {
    problems.push(
      `session.refresh_token_expiry_sec ${refresh} is longer than ${MAX_REFRESH_EXPIRY_SEC} s (30 days)`,
    );
  } else if (token !== undefined && token <= MAX_TOKEN_EXPIRY_SEC && refresh <= token) {
    problems.push(
      "session.refresh_token_expiry_sec is not longer than session.token_expiry_sec: a refresh could never extend a session",
    );
  }
  const days = env.get("MAX_LOGIN_DAYS");
  if (days !== undefined && !(Number(days) > 0 && Number(days) <= MAX_LOGIN_DAYS)) {
    problems.push(`MAX_LOGIN_DAYS=${days} is outside 0–${MAX_LOGIN_DAYS} days`);
  }
  const rawPolicy = env.get("SESSION_POLICY") ?? "kick_previous";
  const policy = SessionPolicy.safeParse(rawPolicy);
  if (!policy.success) {
    problems.push(
      `SESSION_POLICY=${rawPolicy} is not one of ${SessionPolicy.options.join(", ")} (the module would fall back to kick_previous)`,
    );
  } else {
    const mismatch = policyMismatch(
      policy.data,
      get(cfg, "session.single_session") === true,
      get(cfg, "session.single_socket") === true,
    );
    if (mismatch) problems.push(mismatch);
  }
  return problems;
}

function limitProblems(env: Map<string, string>): string[] {
  const problems: string[] = [];
  for (const name of Object.keys(LIMITS) as LimitName[]) {
    const key = limitEnvVar(name);
    const raw = env.get(key);
    if (raw === undefined) continue;
    const { min, max } = LIMITS[name];
    const n = Number(raw);
    if (raw === "" || !Number.isInteger(n) || n < min || n > max) {
      problems.push(
        `${key}=${raw} is outside ${min}–${max} (${LIMITS[name].counts}; docs/security.md "Rate limits")`,
      );
    }
  }
  return problems;
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
    } else if (key === "console.password") {
      const weak = consolePasswordProblem(String(value), get(cfg, "console.username"));
      if (weak) problems.push(weak);
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
  const env = runtimeEnv(cfg);
  problems.push(...sessionProblems(cfg, env), ...limitProblems(env));
  return problems;
}
