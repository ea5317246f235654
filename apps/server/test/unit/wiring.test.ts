// Handlers are wired to RPCs by their contracts: the compiler refuses a contract answered by
// the wrong handler. Each `@ts-expect-error` below fails typecheck (`pnpm typecheck`) if the
// line under it ever compiles; the runtime assertions show the registry refuses the same lists.
import {
  allRpcs,
  liveRoundCreate,
  type RpcResponse,
  replayGet,
  sessionCheck,
  sessionLogout,
} from "@gift-grab/contracts";
import { describe, expect, it } from "vitest";
import { replayGetHandler } from "../../src/leaderboard/replay-get";
import { rpcs } from "../../src/main";
import { liveRoundCreateHandler } from "../../src/rounds/live/create";
import { defineHandler } from "../../src/runtime/handle-rpc";
import { rpcRegistry } from "../../src/runtime/registry";
import { sessionCheckHandler } from "../../src/sessions/session-check";

const pair = [liveRoundCreate, replayGet] as const;

describe("rpc wiring", () => {
  it("registers one handler for each contract, by the contract's id", () => {
    expect(Object.keys(rpcs).sort()).toEqual(allRpcs.map((c) => c.id).sort());
    const registry = rpcRegistry(pair, [liveRoundCreateHandler, replayGetHandler]);
    expect(registry[liveRoundCreate.id]).toBe(liveRoundCreateHandler.rpc);
    expect(registry[replayGet.id]).toBe(replayGetHandler.rpc);
  });

  it("refuses live_round_create wired to replay_get's handler", () => {
    expect(() =>
      // @ts-expect-error: replay_get twice, live_round_create never
      rpcRegistry(pair, [replayGetHandler, replayGetHandler]),
    ).toThrow("more than one handler for replay_get");
  });

  it("refuses a contract without a handler", () => {
    // @ts-expect-error: replay_get has no handler
    expect(() => rpcRegistry(pair, [liveRoundCreateHandler])).toThrow("no handler for replay_get");
  });

  it("refuses a handler of an RPC not among the contracts", () => {
    expect(() =>
      // @ts-expect-error: session_check is not among these contracts
      rpcRegistry(pair, [liveRoundCreateHandler, replayGetHandler, sessionCheckHandler]),
    ).toThrow("a handler for session_check, which is not among the contracts");
  });

  it("types a handler's logic by its contract", () => {
    const replay: RpcResponse<typeof replayGet> = {
      owner_id: "o",
      username: "u",
      seed: 1,
      duration_ms: 1,
      orientation: "landscape",
      inputs: [],
      score: 1,
      gifts: 1,
      power_ups_used: 0,
      played_at: 1,
    };
    // @ts-expect-error: live_round_create's handler answering with replay_get's response
    defineHandler(liveRoundCreate, { run: () => replay });
    defineHandler(sessionLogout, {
      // @ts-expect-error: session_logout's handler reading replay_get's input
      run: (input: { owner_id: string }) => ({ sockets_closed: input.owner_id.length }),
    });
    const checked = defineHandler(sessionCheck, {
      run: () => ({ already_connected: false, connected_sessions: 0 }),
    });
    expect(checked.contract).toBe(sessionCheck);
  });
});
