import {
  ClientSessionVars,
  CustomId,
  DeviceId,
  describeIssues,
  type LoginRecord,
  SessionVar,
  SignIn,
  SignUp,
  TAKEOVER,
} from "@gift-grab/contracts";
import { claimEmail, emailTakenError, releaseEmail } from "../accounts/email-claims";
import { assertValidUsername } from "../accounts/username-guard";
import {
  assertPasswordCheckWithinLimits,
  assertSignInWithinLimits,
  countSignUp,
} from "../limits/guards";
import { assertDatabaseReachable } from "../runtime/database";
import { rpcError } from "../runtime/errors";
import { maxLoginSeconds, sessionConfig, sessionPolicy } from "./config";
import { recordSignIn, type StoredLogin } from "./login-table";
import { notificationStream } from "./notification-stream";
import { endLogins, nowSec } from "./revoke";
import { claimsOf, invalidateLoginInNakama } from "./tokens";

type Vars = { [key: string]: string };

/**
 * The vars a client sent at sign-in, checked against the allow-list (ClientSessionVars):
 * any other var, or a value that fails its schema, is refused with invalid_payload naming it.
 */
export function clientVars(sent: Vars | undefined): ClientSessionVars {
  const parsed = ClientSessionVars.safeParse(sent ?? {});
  if (!parsed.success) {
    throw rpcError("invalid_payload", `vars: ${describeIssues(parsed.error)}`);
  }
  return parsed.data;
}

/**
 * The vars every new token carries: the server's own (login id, refresh generation, sign-in
 * time, email) and the client's allowed ones, except `takeover` (read by the policy check).
 */
export function signInVars(nk: nkruntime.Nakama, sent: Vars | undefined, email?: string): Vars {
  const vars: Vars = {};
  for (const [name, value] of Object.entries(clientVars(sent))) {
    if (name !== SessionVar.takeover && typeof value === "string") vars[name] = value;
  }
  vars[SessionVar.loginId] = nk.uuidv4();
  vars[SessionVar.refreshId] = nk.uuidv4();
  vars[SessionVar.loginAt] = String(nowSec());
  if (email) vars[SessionVar.email] = email;
  return vars;
}

/**
 * `<prefix>_` and 8 hex digits: Nakama's own random names mix in upper case, which our
 * contract refuses. Used only if the account is new.
 */
export function generatedUsername(nk: nkruntime.Nakama, prefix: "guest" | "player"): string {
  return `${prefix}_${nk.uuidv4().replace(/-/g, "").slice(0, 8)}`;
}

/** deny_new: refuse a sign-in while another socket of the user is live, unless it is a takeover. */
function checkDenyNew(
  ctx: nkruntime.Context,
  nk: nkruntime.Nakama,
  findUserId: () => string | undefined,
  sent: Vars | undefined,
) {
  // Policy first: the user lookup is a query, spent only where the policy needs it.
  if (sessionPolicy(ctx.env) !== "deny_new") return;
  if (sent?.[SessionVar.takeover] === TAKEOVER) return;
  const userId = findUserId();
  if (!userId) return;
  if (nk.streamCount(notificationStream(userId)) > 0) {
    throw rpcError(
      "already_playing",
      "already playing on another device; sign in with takeover to play here",
    );
  }
}

function userIdBy(nk: nkruntime.Nakama, query: string, arg: string): string | undefined {
  const [row] = nk.sqlQuery(query, [arg]);
  return row ? String(row.id) : undefined;
}

const USER_BY_EMAIL = "SELECT id::text AS id FROM users WHERE email = $1";
const USER_BY_DEVICE = "SELECT user_id::text AS id FROM user_device WHERE id = $1";
const USER_BY_CUSTOM = "SELECT id::text AS id FROM users WHERE custom_id = $1";

/**
 * Email sign-up (create=true) and sign-in (create=false): fields checked against the
 * contracts; a sign-up for a known email or a taken username is refused with a typed reason
 * (Nakama itself would sign in, or say "Invalid credentials."). Sign-ups racing with one
 * email: one claims it (accounts/email-claims.ts), the others get email_taken. A sign-up
 * without a username gets a generated one that follows the Username contract.
 */
export const beforeAuthenticateEmail: nkruntime.BeforeHookFunction<
  nkruntime.AuthenticateEmailRequest
> = (ctx, logger, nk, req) => {
  const create = req.create !== false;
  assertSignInWithinLimits(
    create ? "email sign-up" : "email sign-in",
    ctx,
    nk,
    create ? "yes" : "no",
  );
  const account = req.account ?? {};
  const email = String(account.email ?? "").toLowerCase();
  assertPasswordCheckWithinLimits(create ? "email sign-up" : "email sign-in", ctx, nk, email);
  let vars: Vars;
  if (create) {
    const parsed = SignUp.safeParse({
      email,
      password: account.password,
      username: req.username || undefined,
    });
    if (!parsed.success)
      throw rpcError("invalid_payload", `sign up: ${describeIssues(parsed.error)}`);
    vars = signInVars(nk, account.vars, email);
    if (!claimEmail(nk, logger, email)) throw emailTakenError();
    try {
      if (userIdBy(nk, USER_BY_EMAIL, email)) throw emailTakenError();
      const username = parsed.data.username;
      if (username === undefined) req.username = generatedUsername(nk, "player");
      else if (nk.usersGetUsername([username]).length > 0) {
        throw rpcError("username_taken", `the username ${username} is taken`);
      }
    } catch (err) {
      releaseEmail(nk, email);
      throw err;
    }
  } else {
    const parsed = SignIn.safeParse({ email, password: account.password });
    if (!parsed.success)
      throw rpcError("invalid_payload", `sign in: ${describeIssues(parsed.error)}`);
    vars = signInVars(nk, account.vars, email);
    assertDatabaseReachable(nk);
    checkDenyNew(ctx, nk, () => userIdBy(nk, USER_BY_EMAIL, email), account.vars);
  }
  account.vars = vars;
  req.account = account;
  return req;
};

function assertAccountId(api: string, schema: typeof DeviceId, id: unknown) {
  const parsed = schema.safeParse(id ?? "");
  if (!parsed.success) {
    throw rpcError("invalid_payload", `${api}: account.id: ${describeIssues(parsed.error)}`);
  }
}

/** What differs between the sign-ins by an account id (device, custom). */
interface IdSignIn {
  api: string;
  schema: typeof DeviceId;
  /** The account this id names, for deny_new. */
  userBy: string;
  /** A new account's generated username; none: Nakama picks one (custom ids are a server's). */
  newUsername?: "guest";
}

/**
 * The before hook of a sign-in by an account id: a sent username follows the contract, the
 * id its own, the vars are the server's (signInVars), and deny_new is checked against the
 * account the id names.
 */
function beforeIdSignIn<R extends { account?: { id?: string; vars?: Vars }; username?: string }>(
  how: IdSignIn,
): nkruntime.BeforeHookFunction<R> {
  return (ctx, _logger, nk, req) => {
    assertSignInWithinLimits(
      how.api,
      ctx,
      nk,
      (req as { create?: boolean }).create === false ? "no" : "if-new",
      () => userIdBy(nk, how.userBy, String(req.account?.id ?? "")) !== undefined,
    );
    assertValidUsername(req.username);
    const account = req.account ?? { id: "" };
    assertAccountId(how.api, how.schema, account.id);
    const vars = signInVars(nk, account.vars);
    // Used only if the account is new.
    if (how.newUsername) req.username ||= generatedUsername(nk, how.newUsername);
    assertDatabaseReachable(nk);
    const id = account.id;
    if (id) checkDenyNew(ctx, nk, () => userIdBy(nk, how.userBy, id), account.vars);
    account.vars = vars;
    req.account = account;
    return req;
  };
}

export const beforeAuthenticateDevice = beforeIdSignIn<nkruntime.AuthenticateDeviceRequest>({
  api: "device sign-in",
  schema: DeviceId,
  userBy: USER_BY_DEVICE,
  newUsername: "guest",
});

export const beforeAuthenticateCustom = beforeIdSignIn<nkruntime.AuthenticateCustomRequest>({
  api: "custom sign-in",
  schema: CustomId,
  userBy: USER_BY_CUSTOM,
});

/**
 * After any sign-in: record the login (persisted, server-only) and, unless the policy is
 * `allow`, end every older login of the user in the same statement: tokens dead, sockets
 * told and closed.
 */
export function afterSignIn(
  ctx: nkruntime.Context,
  logger: nkruntime.Logger,
  nk: nkruntime.Nakama,
  session: nkruntime.Session,
) {
  countSignUp(ctx, nk, session.created === true);
  const claims = claimsOf(nk, session.token ?? "");
  const vars = claims.vrs ?? {};
  const lid = vars[SessionVar.loginId];
  const rid = vars[SessionVar.refreshId];
  if (!lid || !rid) {
    logger.error("sign-in of %s without server-set vars: before hook missing?", claims.uid);
    return;
  }
  const loginAt = Number(vars[SessionVar.loginAt] ?? claims.iat);
  const cfg = sessionConfig(nk);
  // The refresh token's expiry, without decoding it (a decode is most of this hook's goja
  // time): Nakama stamps each token with its own clock read, so it may be a second later.
  const refreshExp = claims.exp - cfg.tokenExpirySec + cfg.refreshTokenExpirySec + 1;
  const record: LoginRecord = {
    tid: claims.tid,
    rid,
    login_at: loginAt,
    signed_in_ms: Date.now(),
    exp: Math.min(refreshExp, loginAt + maxLoginSeconds(ctx.env)),
    ...(vars.client ? { client: vars.client } : {}),
    ...(vars.email ? { email: vars.email } : {}),
  };
  const login: StoredLogin = { userId: claims.uid, lid, record };
  try {
    if (sessionPolicy(ctx.env) === "allow") recordSignIn(nk, logger, login, nowSec(), undefined);
    else {
      const reason = "signed_in_elsewhere";
      endLogins(
        nk,
        logger,
        claims.uid,
        reason,
        (now) => recordSignIn(nk, logger, login, now, { reason }),
        vars.client,
      );
    }
  } catch (err) {
    // Nakama hands out the session whatever its after hook does (api.go traceApiAfter).
    // Without its record our RPCs refuse the login; make Nakama's own APIs refuse it too.
    invalidateLoginInNakama(nk, cfg, claims.uid, claims.tid, nowSec());
    throw err;
  }
}

export const afterAuthenticateEmail: nkruntime.AfterHookFunction<
  nkruntime.Session,
  nkruntime.AuthenticateEmailRequest
> = (ctx, logger, nk, session, req) => {
  try {
    afterSignIn(ctx, logger, nk, session);
  } finally {
    // The account exists now (or the sign-up failed): the users table answers from here on.
    if (req.create !== false) releaseEmail(nk, String(req.account?.email ?? "").toLowerCase());
  }
};

export const afterAuthenticateDevice: nkruntime.AfterHookFunction<
  nkruntime.Session,
  nkruntime.AuthenticateDeviceRequest
> = (ctx, logger, nk, session) => afterSignIn(ctx, logger, nk, session);

export const afterAuthenticateCustom: nkruntime.AfterHookFunction<
  nkruntime.Session,
  nkruntime.AuthenticateCustomRequest
> = (ctx, logger, nk, session) => afterSignIn(ctx, logger, nk, session);
