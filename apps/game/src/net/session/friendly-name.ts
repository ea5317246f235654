/**
 * A new guest's display name, "Jolly Elf 42": two words and a number, friendly and never
 * anyone's real name. Always a valid DisplayName (the contracts' rule; a unit test checks
 * every word pair).
 */
export const NAME_ADJECTIVES = [
  "Jolly",
  "Merry",
  "Frosty",
  "Cosy",
  "Snowy",
  "Sparkly",
  "Twinkly",
  "Cheery",
  "Brave",
  "Speedy",
  "Sleepy",
  "Giggly",
  "Happy",
  "Chilly",
  "Lucky",
  "Nimble",
] as const;

export const NAME_NOUNS = [
  "Elf",
  "Reindeer",
  "Snowman",
  "Penguin",
  "Gingerbread",
  "Polar Bear",
  "Snowflake",
  "Owl",
  "Fox",
  "Robin",
  "Sleigh",
  "Icicle",
  "Mitten",
  "Pudding",
  "Cracker",
  "Star",
] as const;

/** `random` returns [0, 1), as Math.random. */
export function friendlyName(random: () => number = Math.random): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  return `${pick(NAME_ADJECTIVES)} ${pick(NAME_NOUNS)} ${1 + Math.floor(random() * 99)}`;
}
