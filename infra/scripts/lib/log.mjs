// One voice for every setup and infra script.
const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, text) => (useColor ? `\u001b[${code}m${text}\u001b[0m` : text);

export const log = {
  step: (msg) => console.log(paint("36", "▸ ") + msg),
  ok: (msg) => console.log(paint("32", "✓ ") + msg),
  warn: (msg) => console.warn(paint("33", "! ") + msg),
  info: (msg) => console.log(`  ${msg}`),
};

/** An error whose message tells a person exactly what to do; scripts print it without a stack. */
export class SetupError extends Error {
  name = "SetupError";
}

export function exitOnSetupError(err) {
  if (err instanceof SetupError) {
    console.error(paint("31", "✗ ") + err.message);
    process.exit(1);
  }
  throw err;
}
