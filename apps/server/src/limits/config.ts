import { LIMITS, type LimitName, limitBurst, limitValue } from "@gift-grab/contracts";
import type { Rule } from "./rate";

/**
 * A limit's rule from runtime.env (the table and its defaults: packages/contracts/src/limits.ts).
 * Read per request: ctx.env is the node's config, and parsing one number costs nothing next to
 * the request.
 */
export function limitRule(env: { [key: string]: string } | undefined, name: LimitName): Rule {
  const count = limitValue(env, name);
  return { count, windowSec: LIMITS[name].windowSec, burst: limitBurst(name, count) };
}

/** "a minute" or "an hour", for the refusal's words. */
export function windowWords(rule: Rule): string {
  return rule.windowSec === 3600
    ? "an hour"
    : rule.windowSec === 60
      ? "a minute"
      : `${rule.windowSec} s`;
}
