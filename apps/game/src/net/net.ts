import { type AnyRpc, type RpcRequest, type RpcResponse, sessionCheck } from "@gift-grab/contracts";
import { Client, type Session } from "@heroiclabs/nakama-js";
import type { ServerConfig } from "../config/server-config";
import { deviceId } from "./device-id";
import { callRpc } from "./rpc-client";

/**
 * @deprecated The first guest-only client, kept only while src/app/interim-net.ts still uses
 * it: use `createNet` from ./index.ts. Delete this file when nothing imports it.
 */
export class Net {
  readonly client: Client;
  private session: Session | null = null;

  constructor(readonly config: ServerConfig) {
    this.client = new Client(
      config.serverKey,
      config.host,
      config.port,
      config.useSSL,
      10000,
      false,
    );
  }

  get signedIn(): boolean {
    return this.session !== null;
  }

  get userId(): string | null {
    return this.session?.user_id ?? null;
  }

  async signInAsGuest(): Promise<void> {
    this.session = await this.client.authenticateDevice(deviceId(), true);
  }

  rpc<C extends AnyRpc>(contract: C, input: RpcRequest<C>): Promise<RpcResponse<C>> {
    if (!this.session) throw new Error(`${contract.id}: not signed in`);
    return callRpc(this.client, this.session, contract, input);
  }

  sessionCheck() {
    return this.rpc(sessionCheck, {});
  }
}
