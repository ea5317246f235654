import type { AnyRpc, RpcRequest, RpcResponse } from "@gift-grab/contracts";
import type { Client } from "@heroiclabs/nakama-js";
import { RpcFailure, sendRpc } from "./rpc-client";
import { nakamaSession } from "./session/nakama-session";
import { SessionEndedError, type SessionStore } from "./session/session-store";
import type { Tokens } from "./session/tokens";

/**
 * The one way the game calls an RPC (GameNet.rpc; every call in net/rpcs/ goes through it):
 * with live tokens, checked against its contract by sendRpc, renewed once when the server no
 * longer takes the token.
 */
export class RpcCaller {
  constructor(
    private readonly client: Client,
    private readonly store: Pick<SessionStore, "fresh" | "refresh">,
  ) {}

  async rpc<C extends AnyRpc>(contract: C, input: RpcRequest<C>): Promise<RpcResponse<C>> {
    const call = async () => {
      let tokens: Tokens;
      try {
        tokens = await this.store.fresh();
      } catch (err) {
        if (err instanceof SessionEndedError) {
          throw new RpcFailure(contract.id, "session_revoked", 16, err.message);
        }
        throw new RpcFailure(contract.id, "network", 0, String(err));
      }
      return sendRpc(this.client, nakamaSession(tokens), contract, input);
    };
    try {
      return await call();
    } catch (err) {
      // A token the server no longer takes (restart with logouts replayed, clock skew): renew once.
      if (err instanceof RpcFailure && err.code === 16 && err.reason === "unknown") {
        try {
          await this.store.refresh();
        } catch {
          throw err;
        }
        return call();
      }
      throw err;
    }
  }
}
