// Handlers are wired to RPCs by their contracts: the compiler refuses a contract answered by
// the wrong handler. Each `@ts-expect-error` below fails typecheck (`pnpm typecheck`) if the
// line under it ever compiles; the runtime assertions show the registry refuses the same lists.
import {
  allRpcs,
  type RpcResponse,
  roundStart,
  roundSubmit,
  sessionCheck,
  sessionLogout,
} from "@gift-grab/contracts";
import { describe, expect, it } from "vitest";
import { rpcs } from "../../src/main";
import { roundStartHandler } from "../../src/rounds/round-start";
import { roundSubmitHandler } from "../../src/rounds/round-submit";
import { defineHandler } from "../../src/runtime/handle-rpc";
import { rpcRegistry } from "../../src/runtime/registry";
import { sessionCheckHandler } from "../../src/sessions/session-check";

const rounds = [roundStart, roundSubmit] as const;

describe("rpc wiring", () => {
  it("registers one handler for each contract, by the contract's id", () => {
    expect(Object.keys(rpcs).sort()).toEqual(allRpcs.map((c) => c.id).sort());
    const registry = rpcRegistry(rounds, [roundStartHandler, roundSubmitHandler]);
    expect(registry[roundStart.id]).toBe(roundStartHandler.rpc);
    expect(registry[roundSubmit.id]).toBe(roundSubmitHandler.rpc);
  });

  it("refuses round_start wired to round_submit's handler", () => {
    expect(() =>
      // @ts-expect-error: round_submit twice, round_start never
      rpcRegistry(rounds, [roundSubmitHandler, roundSubmitHandler]),
    ).toThrow("more than one handler for round_submit");
  });

  it("refuses a contract without a handler", () => {
    // @ts-expect-error: round_submit has no handler
    expect(() => rpcRegistry(rounds, [roundStartHandler])).toThrow("no handler for round_submit");
  });

  it("refuses a handler of an RPC not among the contracts", () => {
    expect(() =>
      // @ts-expect-error: session_check is not among these contracts
      rpcRegistry(rounds, [roundStartHandler, roundSubmitHandler, sessionCheckHandler]),
    ).toThrow("a handler for session_check, which is not among the contracts");
  });

  it("types a handler's logic by its contract", () => {
    const submitted: RpcResponse<typeof roundSubmit> = {
      accepted: true,
      score: 1,
      best: 1,
      rank: 1,
      new_best: true,
    };
    // @ts-expect-error: round_start's handler answering with round_submit's response
    defineHandler(roundStart, { run: () => submitted });
    defineHandler(sessionLogout, {
      // @ts-expect-error: session_logout's handler reading round_submit's input
      run: (input: { ticket: string }) => ({ sockets_closed: input.ticket.length }),
    });
    const checked = defineHandler(sessionCheck, {
      run: () => ({ already_connected: false, connected_sessions: 0 }),
    });
    expect(checked.contract).toBe(sessionCheck);
  });
});
