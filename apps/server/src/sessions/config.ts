import { DEFAULT_SESSION_POLICY, SessionPolicy } from "@gift-grab/contracts";

/** The slice of Nakama's session config the module needs (keys to check and invalidate tokens). */
export interface SessionConfig {
  encryptionKey: string;
  refreshEncryptionKey: string;
  tokenExpirySec: number;
  refreshTokenExpirySec: number;
  singleSession: boolean;
  singleSocket: boolean;
}

const CACHE_KEY = "gift-grab:session-config";

/**
 * Only InitModule's initializer can read Nakama's config; pooled VMs share nk.localcache
 * (in-process memory, never persisted), so InitModule puts it there for them.
 */
export function rememberSessionConfig(
  initializer: nkruntime.Initializer,
  nk: nkruntime.Nakama,
): SessionConfig {
  const s = initializer.getConfig().session;
  const cfg: SessionConfig = {
    encryptionKey: s.encryption_key,
    refreshEncryptionKey: s.refresh_encryption_key,
    tokenExpirySec: Number(s.token_expiry_sec),
    refreshTokenExpirySec: Number(s.refresh_token_expiry_sec),
    singleSession: Boolean(s.single_session),
    singleSocket: Boolean(s.single_socket),
  };
  nk.localcachePut(CACHE_KEY, JSON.stringify(cfg), 0);
  return cfg;
}

export function sessionConfig(nk: nkruntime.Nakama): SessionConfig {
  const raw = nk.localcacheGet(CACHE_KEY);
  if (typeof raw !== "string") throw new Error("session config missing: InitModule did not run");
  return JSON.parse(raw) as SessionConfig;
}

/** runtime.env SESSION_POLICY (default kick_previous; an unknown value falls back to it). */
export function sessionPolicy(env: { [key: string]: string } | undefined): SessionPolicy {
  const parsed = SessionPolicy.safeParse(env?.SESSION_POLICY);
  return parsed.success ? parsed.data : DEFAULT_SESSION_POLICY;
}

const DAY = 86_400;

/** runtime.env MAX_LOGIN_DAYS (fractions allowed, for tests) as seconds; default 30 days. */
export function maxLoginSeconds(env: { [key: string]: string } | undefined): number {
  const days = Number(env?.MAX_LOGIN_DAYS);
  return Number.isFinite(days) && days > 0 ? Math.round(days * DAY) : 30 * DAY;
}

/** Shared with check:prod-config (tools/devkit), which refuses a config where they disagree. */
export { policyMismatch } from "@gift-grab/contracts";
