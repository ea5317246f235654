import * as z from "zod/mini";

/** The field as dealt: landscape, or turned for tall screens. */
export const Orientation = z.enum(["landscape", "portrait"]);
export type Orientation = z.infer<typeof Orientation>;

/** The rules a round was played under (rules.ts RulesVersion); absent in a stored run: 1. */
export const RulesVersionSchema = z.literal([1, 2]);

/** Everything a round depends on besides the inputs: what the server fixes in the ticket. */
export const RoundParams = z.object({
  /** The round's RNG seed (uint32). */
  seed: z.int().check(z.gte(0), z.lte(0xffffffff)),
  duration_ms: z.int().check(z.positive()),
  orientation: Orientation,
  rules_version: z.optional(RulesVersionSchema),
});
export type RoundParams = z.infer<typeof RoundParams>;
