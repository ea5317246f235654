import {
  type AnyRpc,
  describeIssues,
  type ErrorReason,
  type RpcRequest,
  type RpcResponse,
} from "@gift-grab/contracts";
import type { Client, Session } from "@heroiclabs/nakama-js";
import { readFailure } from "./failure";
import { messageForReason, unreachableMessage } from "./messages";

/**
 * A refused or failed call, with the contract's reason (or "network" when no answer came).
 * `message` is for the player (from messages.ts); `detail` is the server's words, for logs.
 */
export class RpcFailure extends Error {
  override name = "RpcFailure";
  constructor(
    readonly rpcId: string,
    readonly reason: ErrorReason | "network" | "bad_response" | "unknown",
    readonly code: number,
    readonly detail: string,
  ) {
    super(
      reason === "network"
        ? unreachableMessage
        : messageForReason(reason === "bad_response" ? "unknown" : reason, detail, rpcId),
    );
  }

  override toString(): string {
    return `RpcFailure ${this.rpcId}: ${this.reason} (${this.code}): ${this.detail}`;
  }
}

/** What a call threw, as an RpcFailure: the server's typed refusal, or "network" (no answer). */
export async function toRpcFailure(rpcId: string, err: unknown): Promise<RpcFailure> {
  if (err instanceof RpcFailure) return err;
  const failure = await readFailure(err);
  return failure.answered
    ? new RpcFailure(rpcId, failure.reason, failure.code, failure.detail)
    : new RpcFailure(rpcId, "network", 0, failure.detail);
}

/** Sends one RPC over HTTP, its input and its response both checked against its contract. */
export async function sendRpc<C extends AnyRpc>(
  client: Client,
  session: Session,
  contract: C,
  input: RpcRequest<C>,
): Promise<RpcResponse<C>> {
  const request = contract.request.safeParse(input);
  if (!request.success) {
    throw new RpcFailure(contract.id, "invalid_payload", 3, describeIssues(request.error));
  }
  let payload: object | undefined;
  try {
    payload = (await client.rpc(session, contract.id, request.data as object)).payload;
  } catch (err) {
    throw await toRpcFailure(contract.id, err);
  }
  const response = contract.response.safeParse(payload);
  if (!response.success) {
    throw new RpcFailure(contract.id, "bad_response", 0, describeIssues(response.error));
  }
  return response.data;
}
