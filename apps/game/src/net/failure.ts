import { type ParsedRpcError, parseRpcError } from "@gift-grab/contracts";

/**
 * How a failed call to Nakama ended: the server answered (its error body, read by the
 * contracts' parser), or no answer came (`unreachable`: the fetch failed or timed out).
 */
export type CallFailure =
  | ({ answered: true; status: number } & ParsedRpcError)
  | { answered: false; unreachable: boolean; detail: string };

/**
 * The one reading of what a call to Nakama threw: nakama-js and AuthHttp throw the fetch
 * Response on an HTTP error; anything else means no answer. RPCs (rpc-client.ts), sign-ins
 * (sign-in-errors.ts) and the socket's session check all read failures here.
 */
export async function readFailure(
  err: unknown,
  parse: (body: unknown) => ParsedRpcError = parseRpcError,
): Promise<CallFailure> {
  if (typeof Response !== "undefined" && err instanceof Response) {
    const body = await err.json().catch(() => ({}));
    return { answered: true, status: err.status, ...parse(body) };
  }
  return {
    answered: false,
    unreachable: err instanceof TypeError || isAbort(err) || err === "Request timed out.",
    detail: err instanceof Error ? err.message : String(err),
  };
}

function isAbort(err: unknown): boolean {
  return err instanceof DOMException && (err.name === "TimeoutError" || err.name === "AbortError");
}
