// One voice for every command.
const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string, text: string) => (useColor ? `\u001b[${code}m${text}\u001b[0m` : text);

export const log = {
  step: (msg: string) => console.log(paint("36", "▸ ") + msg),
  ok: (msg: string) => console.log(paint("32", "✓ ") + msg),
  warn: (msg: string) => console.warn(paint("33", "! ") + msg),
  info: (msg: string) => console.log(`  ${msg}`),
  fail: (msg: string) => console.error(paint("31", "✗ ") + msg),
};

/** An error whose message tells a person exactly what to do; commands print it without a stack. */
export class SetupError extends Error {
  override name = "SetupError";
}
