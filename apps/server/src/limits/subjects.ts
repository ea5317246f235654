/**
 * What a limit counts per. A client address as Nakama saw it (ctx.clientIp, from the
 * X-Forwarded-For its `socket.proxy_count` proxies set: docs/security.md "Rate limits"); an
 * IPv6 address counts per /64, the block one subscriber gets, so rotating addresses inside it
 * gains nothing. An IPv4-mapped IPv6 address counts as the IPv4 address.
 */
export function addressSubject(clientIp: string | undefined): string {
  const ip = (clientIp ?? "").trim().toLowerCase();
  if (!ip.includes(":")) return ip;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  if (mapped?.[1]) return mapped[1];
  const [head = "", tail = ""] = ip.split("::", 2);
  const front = head === "" ? [] : head.split(":");
  const back = ip.includes("::") ? (tail === "" ? [] : tail.split(":")) : [];
  const groups = ip.includes("::")
    ? [...front, ...Array(Math.max(0, 8 - front.length - back.length)).fill("0"), ...back]
    : front;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/** localcache keys, one family per limit: short, since every request reads one or two. */
export const limitKey = {
  signIn: (ctx: nkruntime.Context) => `rl:in:${addressSubject(ctx.clientIp)}`,
  signUp: (ctx: nkruntime.Context) => `rl:up:${addressSubject(ctx.clientIp)}`,
  reads: (ctx: nkruntime.Context) => `rl:rd:${addressSubject(ctx.clientIp)}`,
  passwordsFrom: (ctx: nkruntime.Context) => `rl:pw:${addressSubject(ctx.clientIp)}`,
  passwordsOf: (email: string) => `rl:pe:${email.trim().toLowerCase()}`,
  calls: (userId: string) => `rl:u:${userId}`,
};
