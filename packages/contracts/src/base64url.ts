/**
 * base64url → bytes → UTF-8 text, in plain JS: runs the same in browsers, Node and
 * Nakama's goja VM (which has no atob and no TextDecoder). Accepts standard base64 too,
 * with or without padding.
 */
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

function sextet(c: string): number {
  if (c === "-" || c === "+") return 62;
  if (c === "_" || c === "/") return 63;
  const i = ALPHABET.indexOf(c);
  if (i < 0) throw new Error(`not base64url: ${JSON.stringify(c)}`);
  return i;
}

export function decodeBase64Url(input: string): number[] {
  const s = input.replace(/=+$/, "");
  if (s.length % 4 === 1) throw new Error("not base64url: bad length");
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const c of s) {
    buffer = (buffer << 6) | sextet(c);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return bytes;
}

export function utf8Decode(bytes: number[]): string {
  let out = "";
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i++] ?? 0;
    let cp: number;
    if (b < 0x80) cp = b;
    else if (b >= 0xc0 && b < 0xe0) cp = ((b & 0x1f) << 6) | cont(bytes, i++);
    else if (b >= 0xe0 && b < 0xf0) {
      cp = ((b & 0x0f) << 12) | (cont(bytes, i) << 6) | cont(bytes, i + 1);
      i += 2;
    } else if (b >= 0xf0 && b < 0xf8) {
      cp =
        ((b & 0x07) << 18) |
        (cont(bytes, i) << 12) |
        (cont(bytes, i + 1) << 6) |
        cont(bytes, i + 2);
      i += 3;
    } else throw new Error("not UTF-8");
    out += String.fromCodePoint(cp);
  }
  return out;
}

function cont(bytes: number[], i: number): number {
  const b = bytes[i];
  if (b === undefined || (b & 0xc0) !== 0x80) throw new Error("not UTF-8");
  return b & 0x3f;
}

export function decodeBase64UrlUtf8(input: string): string {
  return utf8Decode(decodeBase64Url(input));
}
