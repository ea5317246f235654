import type { RuntimeError } from "./errors";

/**
 * What the generated entry points throw for an error (scripts/build-module.mjs): the error's
 * code and message, and nothing of the module.
 *
 * Nakama 3.40 answers a failed HTTP RPC with `"error": {"stackTrace": …}` beside the message
 * and code (api_rpc.go marshals its jsError), and that text is goja's Exception.String(): the
 * thrown value as a string, then every frame of the stack. Thrown as a plain object, that was
 * `[object Object]` and the entry point's frame, `at rpc_<id> (index.js:4676:18(15))`.
 * The field can't be left out from JavaScript; what it holds can:
 * - goja takes the stack of a thrown Error from where the Error was made (vm.go, _throw), so
 *   the one thrown here was made where no module code runs: by a Promise job at load, whose
 *   only frame is the eval that made it (`at <eval>:1:1(1)`);
 * - its name is empty and its message the error's, so it reads as the message itself;
 * - code and message are own enumerable properties: Nakama reads both from it (custom error).
 * One per VM, rewritten for each error: a VM runs one call at a time, and Nakama reads the
 * error before the VM goes back to its pool. Until the job has run (never, in practice: it
 * runs as the bundle finishes loading), the plain object goes instead.
 */
let carrier: Error | undefined;
Promise.resolve("new Error()")
  // biome-ignore lint/security/noGlobalEval: a constant text, run by the job itself, so no frame of ours is on the stack
  .then(eval)
  .then((made: unknown) => {
    if (made instanceof Error) carrier = made;
  });

const own = (value: unknown, enumerable: boolean) => ({
  value,
  enumerable,
  writable: true,
  configurable: true,
});

export function thrownError(error: RuntimeError): unknown {
  if (!carrier) return { message: error.message, code: error.code };
  Object.defineProperty(carrier, "name", own("", false));
  Object.defineProperty(carrier, "message", own(error.message, true));
  Object.defineProperty(carrier, "code", own(error.code, true));
  return carrier;
}
