import * as z from "zod/mini";
import { decodeBase64UrlUtf8 } from "./base64url";
import { lazySchema } from "./lazy-schema";

/**
 * Sessions: what a sign-in sends, what the server puts in the token, how a client reads
 * the token, and what the server tells a socket before it closes it. See docs/security.md.
 */

// ---------------------------------------------------------------- credentials

/** Nakama's own rule: an email is 10–255 bytes (it refuses shorter ones with code 3). */
export const Email = lazySchema(() =>
  z.string().check(z.minLength(10), z.maxLength(255), z.email()),
);
/**
 * Nakama hashes passwords with bcrypt, which reads only the first 72 bytes: a longer one
 * makes sign-up fail and "save progress" store no password at all. The limit is on the
 * UTF-8 bytes, so a password with accents or emoji holds fewer than 72 characters.
 */
export const PASSWORD_MAX_BYTES = 72;
export const PASSWORD_MIN_CHARS = 8;
export const PASSWORD_TOO_LONG = `at most ${PASSWORD_MAX_BYTES} bytes (${PASSWORD_MAX_BYTES} plain letters or digits, fewer with accents or emoji)`;
export const Password = lazySchema(() =>
  z.string().check(
    z.minLength(PASSWORD_MIN_CHARS),
    z.refine((s) => utf8ByteLength(s) <= PASSWORD_MAX_BYTES, { message: PASSWORD_TOO_LONG }),
  ),
);

/** UTF-8 length of a string, without TextEncoder (Nakama's JS runtime has none). */
export function utf8ByteLength(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4; // a surrogate pair: one code point above U+FFFF
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

export const USERNAME_MIN_CHARS = 3;
export const USERNAME_MAX_CHARS = 20;
export const DISPLAY_NAME_MIN_CHARS = 2;
export const DISPLAY_NAME_MAX_CHARS = 24;
const NAME_END = "A-Za-z0-9À-ÖØ-öø-ÿ";
/**
 * The name the board shows (Nakama's display_name): letters (Latin, with accents), digits,
 * spaces, ' and -, starting and ending with a letter or digit. Guests get a generated one
 * ("Jolly Elf 42"); anyone may choose their own. Empty means "show the username".
 */
export const DisplayName = lazySchema(() =>
  z
    .string()
    .check(
      z.regex(
        new RegExp(
          `^[${NAME_END}][${NAME_END} '\\-]{${DISPLAY_NAME_MIN_CHARS - 2},${DISPLAY_NAME_MAX_CHARS - 2}}[${NAME_END}]$`,
        ),
      ),
    ),
);

/** Lowercase letters, digits and underscores (the sign-up form says so up front). */
export const Username = lazySchema(() =>
  z.string().check(z.regex(new RegExp(`^[a-z0-9_]{${USERNAME_MIN_CHARS},${USERNAME_MAX_CHARS}}$`))),
);

/**
 * Nakama's own rules for a device or custom id (api_authenticate.go): no spaces or control
 * characters, and 10–128 bytes (device) or 6–128 bytes (custom). Checked in the before hooks
 * so that a refusal carries a reason like every other.
 */
function accountId(minBytes: number) {
  return z.string().check(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
    z.regex(/^[^\s\u0000-\u001f\u007f]*$/, "no spaces or control characters"),
    z.refine((s) => utf8ByteLength(s) >= minBytes && utf8ByteLength(s) <= 128, {
      message: `${minBytes}–128 bytes`,
    }),
  );
}
export const DeviceId = accountId(10);
export const CustomId = accountId(6);

/**
 * Sign up: `authenticateEmail(email, password, create=true, username?)`. Without a username
 * (nakama-js' plain call) the server picks one that follows {@link Username}.
 */
export const SignUp = lazySchema(() =>
  z.strictObject({
    email: Email,
    password: Password,
    username: z.optional(Username),
  }),
);
export type SignUp = z.infer<typeof SignUp>;

/** Sign in: `authenticateEmail(email, password, create=false)` (no username). */
export const SignIn = lazySchema(() => z.strictObject({ email: Email, password: Password }));
export type SignIn = z.infer<typeof SignIn>;

/**
 * "Save progress" for a guest: `linkEmail(session, email, password)`. The username (if the
 * guest picks one) is set with updateAccount; it follows {@link Username}.
 */
export const LinkEmail = SignIn;

// ---------------------------------------------------------------- session vars

/**
 * A short tag naming the client build, e.g. "web-1.4.0" or "web-chrome". The client sends
 * it as the `client` var at sign-in; the server keeps it only if it matches this.
 */
export const ClientTag = lazySchema(() => z.string().check(z.regex(/^[a-z0-9][a-z0-9._-]{0,23}$/)));

/** Names of session vars. */
export const SessionVar = {
  /** Client → server at sign-in (kept if it passes {@link ClientTag}). */
  client: "client",
  /** Client → server at sign-in: "1" = "Play here instead" (deny_new policy). Stripped. */
  takeover: "takeover",
  /** Server-set: the account's email, on email sign-in. */
  email: "email",
  /** Server-set: sign-in time, unix seconds (decimal string). Kept across refreshes. */
  loginAt: "login_at",
  /** Server-set: login id (UUID), one per sign-in, kept across refreshes. */
  loginId: "lid",
  /** Server-set: refresh generation (UUID), new on every refresh (refresh rotation). */
  refreshId: "rid",
} as const;

/** The value of the takeover var. */
export const TAKEOVER = "1";

/**
 * The game's own session vars: name → schema. A template user adds theirs here (keep them
 * few and short, they travel in every token); RPCs read them as `ctx.vars[name]`. Sent at
 * sign-in, checked against the schema, then kept in every token of that login, across
 * refreshes. Gift Grab itself needs none.
 */
export const GameSessionVars = {};

/**
 * The session-var allow-list: what a client may put in `vars` when it signs in (any
 * method). Any other var, or a value that fails its schema, is refused with 400 naming the
 * var (docs/security.md, "Session vars"). `takeover` is read and stripped; the others are
 * kept for the whole login. On refresh a client sends no vars (nakama-js sends `{}`): the
 * login's vars are carried over, and any var sent is refused.
 */
export const ClientSessionVars = lazySchema(() =>
  z.strictObject({
    client: z.optional(ClientTag),
    takeover: z.optional(z.literal(TAKEOVER)),
    ...GameSessionVars,
  }),
);
export type ClientSessionVars = z.infer<typeof ClientSessionVars>;

/** Build the vars a client sends at sign-in. */
export function clientSessionVars(opts: {
  client?: string;
  takeover?: boolean;
}): Record<string, string> {
  const vars: Record<string, string> = {};
  if (opts.client !== undefined) vars[SessionVar.client] = opts.client;
  if (opts.takeover) vars[SessionVar.takeover] = TAKEOVER;
  return vars;
}

const UnixSecondsString = lazySchema(() => z.string().check(z.regex(/^[0-9]{1,12}$/)));

/** The vars in every token the server issues: only these, all server-set. */
export const SessionVars = lazySchema(() =>
  z.strictObject({
    lid: z.uuid(),
    rid: z.uuid(),
    login_at: UnixSecondsString,
    email: z.optional(z.string()),
    client: z.optional(ClientTag),
    ...GameSessionVars,
  }),
);
export type SessionVars = z.infer<typeof SessionVars>;

// ---------------------------------------------------------------- token claims

/** A Nakama session (or refresh) token's claims, vars as any string map. */
export const SessionClaims = lazySchema(() =>
  z.object({
    /** Token id: one per sign-in, shared by the session and refresh token, kept across refreshes. */
    tid: z.string().check(z.minLength(1)),
    uid: z.uuid(),
    usn: z.string(),
    vrs: z.optional(z.record(z.string(), z.string())),
    /** Expiry, unix seconds. */
    exp: z.int(),
    /** Issued at, unix seconds: the sign-in time, kept across refreshes. */
    iat: z.int(),
  }),
);
export type SessionClaims = z.infer<typeof SessionClaims>;

/** A token of this server: claims plus the server-set vars. */
export const SessionData = lazySchema(() =>
  z.object({
    tid: z.string().check(z.minLength(1)),
    uid: z.uuid(),
    usn: z.string(),
    vrs: SessionVars,
    exp: z.int(),
    iat: z.int(),
  }),
);
export type SessionData = z.infer<typeof SessionData>;

export class SessionTokenError extends Error {}

/** base64url text → UTF-8 text. The server passes Nakama's native one (see sessions/tokens.ts). */
export type Base64UrlToText = (segment: string) => string;

/** The JSON payload of a JWT, base64url-decoded (no signature check: the server does that). */
export function decodeTokenPayload(
  token: string,
  base64UrlToText: Base64UrlToText = decodeBase64UrlUtf8,
): unknown {
  const parts = token.split(".");
  if (parts.length !== 3 || !parts[1]) throw new SessionTokenError("not a JWT");
  let text: string;
  try {
    text = base64UrlToText(parts[1]);
  } catch {
    throw new SessionTokenError("payload is not base64url");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new SessionTokenError("payload is not JSON");
  }
}

/** Claims of any Nakama token (vars unchecked). Throws SessionTokenError. */
export function decodeSessionClaims(
  token: string,
  base64UrlToText?: Base64UrlToText,
): SessionClaims {
  const parsed = SessionClaims.safeParse(decodeTokenPayload(token, base64UrlToText));
  if (!parsed.success) throw new SessionTokenError("unexpected token claims");
  return parsed.data;
}

/**
 * Reads a session or refresh token issued by this server. base64url-correct (nakama-js 2.8
 * uses atob on the raw segment and fails when it holds '-' or '_'). Throws SessionTokenError.
 */
export function decodeSessionToken(token: string): SessionData {
  const parsed = SessionData.safeParse(decodeTokenPayload(token));
  if (!parsed.success) throw new SessionTokenError("unexpected token claims or vars");
  return parsed.data;
}

// ---------------------------------------------------------------- policy

/** runtime.env SESSION_POLICY. Must agree with Nakama's session.single_session (docs/security.md). */
export const SessionPolicy = lazySchema(() => z.enum(["kick_previous", "deny_new", "allow"]));
export type SessionPolicy = z.infer<typeof SessionPolicy>;
export const DEFAULT_SESSION_POLICY: SessionPolicy = "kick_previous";

// ---------------------------------------------------------------- notifications

/**
 * Sent (not persisted) to a socket just before the server closes it. Nakama's own codes
 * are <= 0 (-7 single_socket, -8 banned); ours are positive.
 */
export const SESSION_ENDED_CODE = 101;
export const SESSION_ENDED_SUBJECT = "session_ended";

/**
 * Why a login ended: one list, stored with the revoked login (LoginRecord.revoked_reason) and
 * sent to its sockets in the session_ended notification.
 */
export const SessionEndedReason = lazySchema(() =>
  z.enum([
    /** A newer sign-in of this account replaced this one (kick_previous, or a takeover). */
    "signed_in_elsewhere",
    /** The player chose "Sign out everywhere" (session_logout_all). */
    "signed_out_everywhere",
    /** This login signed out (session_logout). */
    "signed_out",
    /** Its refresh token was presented a second time (a copied token): the login is ended. */
    "refresh_reused",
    /** Signed in longer than the server's lifetime for a login (a refresh is refused). */
    "login_expired",
    /**
     * It had ended before this device learnt why (e.g. a socket opened with a logged-out
     * token, or a refresh refused): what a client says when it has no other reason.
     */
    "session_revoked",
  ]),
);
export type SessionEndedReason = z.infer<typeof SessionEndedReason>;

export const SessionEndedContent = lazySchema(() =>
  z.strictObject({
    reason: SessionEndedReason,
    /** When it happened, unix seconds. */
    at: z.int(),
    /** On signed_in_elsewhere: the new device's client tag, when it sent a valid one. */
    client: z.optional(ClientTag),
  }),
);
export type SessionEndedContent = z.infer<typeof SessionEndedContent>;

/** Reads a notification (as nakama-js delivers it); undefined if it is not a session_ended one. */
export function parseSessionEnded(n: {
  code?: number;
  subject?: string;
  content?: unknown;
}): SessionEndedContent | undefined {
  if (n.code !== SESSION_ENDED_CODE || n.subject !== SESSION_ENDED_SUBJECT) return undefined;
  const content = typeof n.content === "string" ? safeJson(n.content) : n.content;
  const parsed = SessionEndedContent.safeParse(content);
  return parsed.success ? parsed.data : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
