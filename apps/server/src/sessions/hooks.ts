import type { HookRegistry } from "../runtime/registry";
import { beforeGetAccount } from "./guard";
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
