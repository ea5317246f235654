import { ClientTag, clientSessionVars, SignIn, SignUp } from "@gift-grab/contracts";
import { SignInFailure } from "../types";
import type { AuthHttp, AuthResult } from "./auth-http";
import { deviceId } from "./device-id";
import { validationFailure } from "./sign-in-errors";

/** Who signed in here, so "Play here" can sign in again. The password never leaves memory. */
export type Identity =
  | { kind: "guest" }
  | { kind: "email"; email: string; password: string | null };

/** A sign-in to run: how to authenticate, and who it signs in. */
export interface SignInAttempt {
  authenticate: () => Promise<AuthResult>;
  identity: Identity;
}

/**
 * The ways to sign in (guest by device, email, sign-up, again after a kick), each checked
 * against the contracts before any request, with this build's session vars.
 */
export class SignIns {
  private readonly clientTag: string | undefined;

  constructor(
    private readonly auth: AuthHttp,
    private readonly storage: Storage,
    clientTag: string | undefined,
  ) {
    this.clientTag = ClientTag.safeParse(clientTag).success ? clientTag : undefined;
  }

  guest(takeover = false): SignInAttempt {
    return {
      authenticate: () => this.auth.authenticateDevice(deviceId(this.storage), this.vars(takeover)),
      identity: { kind: "guest" },
    };
  }

  email(email: string, password: string, takeover = false): SignInAttempt {
    const input = SignIn.safeParse({ email, password });
    if (!input.success) throw validationFailure(input.error);
    return this.emailAgain(email, password, takeover);
  }

  private emailAgain(email: string, password: string, takeover: boolean): SignInAttempt {
    return {
      authenticate: () =>
        this.auth.authenticateEmail(email, password, { create: false, vars: this.vars(takeover) }),
      identity: { kind: "email", email, password },
    };
  }

  signUp(email: string, password: string, username: string): SignInAttempt {
    const input = SignUp.safeParse({ email, password, username });
    if (!input.success) throw validationFailure(input.error);
    return {
      authenticate: () =>
        this.auth.authenticateEmail(email, password, {
          create: true,
          username,
          vars: this.vars(false),
        }),
      identity: { kind: "email", email, password },
    };
  }

  /** After a kick: the same sign-in again, taking over (an email one only while its password is known). */
  again(identity: Identity | null): SignInAttempt {
    if (identity?.kind === "guest") return this.guest(true);
    if (identity?.kind === "email" && identity.password) {
      return this.emailAgain(identity.email, identity.password, true);
    }
    throw new SignInFailure("session_ended", "Sign in again to play here.");
  }

  private vars(takeover: boolean): Record<string, string> {
    return clientSessionVars({ client: this.clientTag, takeover });
  }
}
