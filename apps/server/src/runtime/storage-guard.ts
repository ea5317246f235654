import { describeIssues, StorageDeleteRequest, StorageWriteRequest } from "@gift-grab/contracts";
import type * as z from "zod/mini";
import { assertDatabaseReachable } from "./database";
import { rpcError } from "./errors";
import { isOwnedCollection } from "./owned-storage";

/**
 * Nakama's client storage API lets any signed-in player create objects in any collection,
 * with permissions of its choosing. These before hooks parse the request with its contract
 * (what Nakama or its database would refuse, refused here as a typed 400 naming the field),
 * then refuse a write or delete that names a collection the module owns (code 7, HTTP 403,
 * `collection_owned`); the whole batch is refused, so nothing of it is written. Every other
 * collection works as on plain Nakama. With the database down they answer 503, not Nakama's
 * 500 (assertDatabaseReachable).
 */
function checked<S extends z.ZodMiniType>(api: string, schema: S, request: unknown): z.output<S> {
  const parsed = schema.safeParse(request ?? {});
  if (!parsed.success) throw rpcError("invalid_payload", `${api}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

function refuseOwned(action: "write" | "delete", collections: string[]) {
  const owned = collections.find(isOwnedCollection);
  if (owned !== undefined) {
    throw rpcError(
      "collection_owned",
      `${owned} is kept by the server: clients may not ${action} it`,
    );
  }
}

export const beforeWriteStorageObjects: nkruntime.BeforeHookFunction<
  nkruntime.WriteStorageObjectsRequest
> = (_ctx, _logger, nk, req) => {
  const { objects } = checked("storage write", StorageWriteRequest, req);
  refuseOwned(
    "write",
    (objects ?? []).map((o) => o.collection),
  );
  // Public objects are readable by anyone: storage a stranger could fill for everyone to
  // read, which the game never needs (docs/security.md "Every client API").
  if ((objects ?? []).some((o) => o.permissionRead === 2)) {
    throw rpcError(
      "api_closed",
      "storage write: this game keeps no public objects; write with permission_read 0 or 1",
    );
  }
  assertDatabaseReachable(nk);
  return req;
};

export const beforeDeleteStorageObjects: nkruntime.BeforeHookFunction<
  nkruntime.DeleteStorageObjectsRequest
> = (_ctx, _logger, nk, req) => {
  const { objectIds } = checked("storage delete", StorageDeleteRequest, req);
  refuseOwned(
    "delete",
    (objectIds ?? []).map((o) => o.collection),
  );
  assertDatabaseReachable(nk);
  return req;
};
