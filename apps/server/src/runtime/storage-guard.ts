import { rpcError } from "./errors";
import { isOwnedCollection } from "./owned-storage";

/**
 * Nakama's client storage API lets any signed-in player create objects in any collection,
 * with permissions of its choosing. These before hooks refuse a write or delete that names
 * a collection the module owns (code 7, HTTP 403, `collection_owned`); the whole batch is
 * refused, so nothing of it is written. Every other collection works as on plain Nakama.
 */
function refuseOwned(action: "write" | "delete", collections: (string | undefined)[]) {
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
> = (_ctx, _logger, _nk, req) => {
  refuseOwned(
    "write",
    (req.objects ?? []).map((o) => o.collection),
  );
  return req;
};

export const beforeDeleteStorageObjects: nkruntime.BeforeHookFunction<
  nkruntime.DeleteStorageObjectsRequest
> = (_ctx, _logger, _nk, req) => {
  refuseOwned(
    "delete",
    (req.objectIds ?? []).map((o) => o.collection),
  );
  return req;
};
