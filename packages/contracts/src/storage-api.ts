import * as z from "zod/mini";
import { nestedAtMost } from "./request-limits";

/**
 * Nakama's client storage API as the module's before hooks see a request (camelCase, as the
 * runtime hands it over): the rules Nakama itself applies, plus what its database would
 * otherwise refuse with a 500 (a NUL, a name longer than its VARCHAR(128) columns), so every
 * refusal is a typed 400. Which collections a client may touch is the server's registry
 * (apps/server/src/runtime/owned-storage.ts).
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
const NoControl = z.regex(/^[^\u0000-\u001f\u007f]*$/, "control characters are not allowed");
const StorageName = z.string().check(z.minLength(1), z.maxLength(128), NoControl);
const Version = z.optional(z.string().check(z.maxLength(128), NoControl));

/**
 * How deep a stored object may nest. Nakama sets no bound; the hook parses every value (below)
 * in goja, where 60 KB of nested objects (what a request may carry: infra/nakama/local.yml)
 * cost tens of ms to parse. Checked before parsing, in linear time (nestedAtMost).
 */
export const STORAGE_VALUE_MAX_DEPTH = 32;

/** The value is JSON text of an object (Nakama refuses anything else), nested within the bound. */
const JsonObjectText = z.string().check(
  z.refine((text) => {
    if (!nestedAtMost(text, STORAGE_VALUE_MAX_DEPTH)) return false;
    try {
      const value: unknown = JSON.parse(text);
      return typeof value === "object" && value !== null && !Array.isArray(value);
    } catch {
      return false;
    }
  }, `must be the JSON text of an object, nested at most ${STORAGE_VALUE_MAX_DEPTH} deep`),
);

export const StorageWriteObject = z.object({
  collection: StorageName,
  key: StorageName,
  value: JsonObjectText,
  version: Version,
  permissionRead: z.optional(z.nullable(z.int().check(z.minimum(0), z.maximum(2)))),
  permissionWrite: z.optional(z.nullable(z.int().check(z.minimum(0), z.maximum(1)))),
});

export const StorageWriteRequest = z.object({
  objects: z.optional(z.array(StorageWriteObject)),
});

export const StorageDeleteRequest = z.object({
  objectIds: z.optional(
    z.array(z.object({ collection: StorageName, key: StorageName, version: Version })),
  ),
});
