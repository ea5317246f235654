import type { HookRegistry, RtBeforeRegistry } from "../runtime/registry";
import { beforeGetAccount, rtBeforeLiveSession } from "./guard";
import { beforeSessionRefresh } from "./refresh";
import {
  afterAuthenticateCustom,
  afterAuthenticateDevice,
  afterAuthenticateEmail,
  beforeAuthenticateCustom,
  beforeAuthenticateDevice,
  beforeAuthenticateEmail,
} from "./sign-in";

/** The session hooks, spread into main.ts's registry. */
export const sessionHooks: HookRegistry = {
  registerBeforeAuthenticateEmail: beforeAuthenticateEmail,
  registerAfterAuthenticateEmail: afterAuthenticateEmail,
  registerBeforeAuthenticateDevice: beforeAuthenticateDevice,
  registerAfterAuthenticateDevice: afterAuthenticateDevice,
  registerBeforeAuthenticateCustom: beforeAuthenticateCustom,
  registerAfterAuthenticateCustom: afterAuthenticateCustom,
  registerBeforeSessionRefresh: beforeSessionRefresh,
  registerBeforeGetAccount: beforeGetAccount,
};

/**
 * Realtime messages guarded against revoked logins: the heartbeat (so an idle socket is
 * caught too) and every feature that joins or publishes. Not MatchDataSend: it is hot, and
 * joining a match is already guarded.
 */
export const sessionRtHooks: RtBeforeRegistry = Object.fromEntries(
  (
    [
      "Ping",
      "ChannelJoin",
      "ChannelMessageSend",
      "MatchCreate",
      "MatchJoin",
      "MatchmakerAdd",
      "PartyCreate",
      "PartyJoin",
      "StatusFollow",
      "StatusUpdate",
    ] as const
  ).map((id) => [id, rtBeforeLiveSession]),
);
