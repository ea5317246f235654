import type { SessionPolicy } from "./session";

/** Why a policy and Nakama's session.single_session disagree, or undefined when they agree. */
export function policyMismatch(
  policy: SessionPolicy,
  singleSession: boolean,
  singleSocket: boolean,
): string | undefined {
  if (policy === "allow" && singleSession)
    return "SESSION_POLICY=allow needs session.single_session: false (each sign-in would end the others)";
  if (policy === "allow" && singleSocket)
    return "SESSION_POLICY=allow needs session.single_socket: false (each socket would close the others)";
  if (policy !== "allow" && !singleSocket)
    return `SESSION_POLICY=${policy} expects session.single_socket: true (the backstop that closes older sockets)`;
  if (policy !== "allow" && !singleSession)
    return `SESSION_POLICY=${policy} expects session.single_session: true (Nakama's own backstop for older tokens)`;
  return undefined;
}
