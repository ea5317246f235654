import {
  formatErrorMessage,
  leaderboardView,
  raceLobbyJoin,
  reasonCode,
  replayGet,
} from "@gift-grab/contracts";
import { limitRule, windowWords } from "./config";
import { assertWithin, peek, rateLimited, take } from "./rate";
import { limitKey } from "./subjects";

/**
 * Reads that are limited per address too: a loop of fresh guests shares one address. A race
 * code tried (race_lobby_join) counts there as well: guessing codes from one address is then
 * as slow as reading boards (docs/realtime.md "Racing a friend").
 */
const READS_BY_ADDRESS: ReadonlySet<string> = new Set([
  leaderboardView.id,
  replayGet.id,
  raceLobbyJoin.id,
]);

/** One call of the player's budget (CALLS_PER_MINUTE), or a refusal saying when to retry. */
export function assertPlayerCall(
  what: string,
  ctx: nkruntime.Context,
  nk: nkruntime.Nakama,
  weight = 1,
) {
  if (!ctx.userId) {
    throw {
      message: formatErrorMessage("unauthenticated", `${what}: sign in first`),
      code: reasonCode.unauthenticated,
    };
  }
  const rule = limitRule(ctx.env, "CALLS_PER_MINUTE");
  assertWithin(
    nk,
    limitKey.calls(ctx.userId),
    rule,
    `${what}: at most ${rule.count} requests ${windowWords(rule)} per player`,
    weight,
  );
}

/**
 * Before an RPC's payload is even parsed (runtime/handle-rpc.ts): the player's budget, and
 * for board and replay views the address's (READS_PER_MINUTE).
 */
export function assertRpcWithinLimits(id: string, ctx: nkruntime.Context, nk: nkruntime.Nakama) {
  assertPlayerCall(id, ctx, nk);
  if (!READS_BY_ADDRESS.has(id)) return;
  const rule = limitRule(ctx.env, "READS_PER_MINUTE");
  assertWithin(
    nk,
    limitKey.reads(ctx),
    rule,
    `${id}: at most ${rule.count} board and replay views ${windowWords(rule)} from one address`,
  );
}

/** A before hook that spends one call of the player's budget first. */
export function perPlayer<T>(
  what: string,
  hook: nkruntime.BeforeHookFunction<T>,
): nkruntime.BeforeHookFunction<T> {
  return (ctx, logger, nk, req) => {
    assertPlayerCall(what, ctx, nk);
    return hook(ctx, logger, nk, req);
  };
}

/**
 * First thing in every sign-in and refresh: the address's SIGN_INS_PER_MINUTE, one
 * localcache read and write. `signUp` says whether the request may create an account:
 * "yes" (an email sign-up), "if-new" (a device or custom id, new or known: `isKnown` asks
 * the database, only when the address has no sign-up left, so an honest sign-in never pays
 * for it) or "no". The sign-up itself is counted after it happened (countSignUp).
 */
export function assertSignInWithinLimits(
  what: string,
  ctx: nkruntime.Context,
  nk: nkruntime.Nakama,
  signUp: "yes" | "if-new" | "no",
  isKnown?: () => boolean,
) {
  const rule = limitRule(ctx.env, "SIGN_INS_PER_MINUTE");
  assertWithin(
    nk,
    limitKey.signIn(ctx),
    rule,
    `${what}: at most ${rule.count} sign-ins ${windowWords(rule)} from one address`,
  );
  if (signUp === "no") return;
  const ups = limitRule(ctx.env, "SIGN_UPS_PER_HOUR");
  const wait = peek(nk, limitKey.signUp(ctx), ups);
  if (wait === 0 || (signUp === "if-new" && isKnown?.())) return;
  throw rateLimited(
    `${what}: at most ${ups.count} new accounts ${windowWords(ups)} from one address`,
    wait,
  );
}

/**
 * Before a password is hashed or compared (bcrypt at cost 13, ~0.5–1 s of CPU): the address's
 * and the email's PASSWORD_CHECKS_PER_MINUTE. The email's stops guessing one account's
 * password from many addresses. The email's is checked first: one address guessing one email
 * spends both alike, and the refusal names the email's (the one no other address escapes),
 * however the two buckets refilled meanwhile.
 */
export function assertPasswordCheckWithinLimits(
  what: string,
  ctx: nkruntime.Context,
  nk: nkruntime.Nakama,
  email: string,
) {
  const rule = limitRule(ctx.env, "PASSWORD_CHECKS_PER_MINUTE");
  const words = `${what}: at most ${rule.count} password checks ${windowWords(rule)}`;
  assertWithin(nk, limitKey.passwordsOf(email), rule, `${words} for one email`);
  assertWithin(nk, limitKey.passwordsFrom(ctx), rule, `${words} from one address`);
}

/** After a sign-in that created an account: one of the address's SIGN_UPS_PER_HOUR. */
export function countSignUp(ctx: nkruntime.Context, nk: nkruntime.Nakama, created: boolean) {
  if (created) take(nk, limitKey.signUp(ctx), limitRule(ctx.env, "SIGN_UPS_PER_HOUR"));
}
