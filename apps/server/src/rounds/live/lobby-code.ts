import { RaceLobby } from "@gift-grab/contracts";

/**
 * A new lobby code: RaceLobby.codeLength letters of its 32-letter alphabet, 5 bits each (50
 * bits), taken from a version-4 UUID's random bits (Nakama draws them from Go's crypto/rand).
 * The UUID's fixed version nibble (hex digit 12) is skipped; 15 hex digits hold 60 random bits.
 */
export function newRaceCode(nk: Pick<nkruntime.Nakama, "uuidv4">): string {
  const hex = nk.uuidv4().replace(/-/g, "");
  const random = hex.slice(0, 12) + hex.slice(13, 16);
  let bits = "";
  for (let i = 0; i < random.length; i++)
    bits += `000${Number.parseInt(random.charAt(i), 16).toString(2)}`.slice(-4);
  let code = "";
  for (let i = 0; i < RaceLobby.codeLength; i++)
    code += RaceLobby.alphabet.charAt(Number.parseInt(bits.slice(5 * i, 5 * i + 5), 2));
  return code;
}
