import { decodeSessionClaims, type SessionClaims } from "@gift-grab/contracts";
import type { SessionConfig } from "./config";

/**
 * Claims of a token Nakama just issued, decoded with Nakama's native base64url: the
 * contracts' plain-JS decoder costs about a millisecond per token in goja, on every sign-in.
 */
export function claimsOf(nk: nkruntime.Nakama, token: string): SessionClaims {
  return decodeSessionClaims(token, (segment) =>
    nk.binaryToString(nk.base64UrlDecode(segment, false)),
  );
}

/** A refresh token's claims, only if its HS256 signature is ours (checked with the refresh key). */
export function verifiedRefreshClaims(
  nk: nkruntime.Nakama,
  cfg: SessionConfig,
  token: string,
): SessionClaims | undefined {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  const expected = nk.base64UrlEncode(
    nk.hmacSha256Hash(`${parts[0]}.${parts[1]}`, cfg.refreshEncryptionKey),
    false,
  );
  if (expected !== parts[2]) return undefined;
  try {
    const header = JSON.parse(nk.binaryToString(nk.base64UrlDecode(parts[0] ?? "", false)));
    if (header?.alg !== "HS256") return undefined;
    return claimsOf(nk, token);
  } catch {
    return undefined;
  }
}

/**
 * Makes Nakama's own (in-memory) session cache refuse every token of one login, i.e. one
 * token id: nk.sessionLogout only takes tokens, so it gets a stand-in pair naming that id,
 * signed with the server's keys, that never leaves this function.
 */
export function invalidateLoginInNakama(
  nk: nkruntime.Nakama,
  cfg: SessionConfig,
  userId: string,
  tid: string,
  now: number,
) {
  const claims = (exp: number) => ({ tid, uid: userId, usn: "", exp, iat: now });
  const token = nk.jwtGenerate("HS256", cfg.encryptionKey, claims(now + cfg.tokenExpirySec + 60));
  const refresh = nk.jwtGenerate(
    "HS256",
    cfg.refreshEncryptionKey,
    claims(now + cfg.refreshTokenExpirySec + 60),
  );
  nk.sessionLogout(userId, token, refresh);
}
