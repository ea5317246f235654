import {
  DisplayName,
  decodeSessionClaims,
  decodeSessionToken,
  LinkEmail,
} from "@gift-grab/contracts";
import type { Client } from "@heroiclabs/nakama-js";
import { displayNameRule } from "../messages";
import { type SessionInfo, SignInFailure } from "../types";
import { nakamaSession } from "./nakama-session";
import { toSignInFailure, validationFailure } from "./sign-in-errors";
import type { Identity } from "./sign-ins";
import type { Tokens } from "./tokens";

/**
 * Who is signed in here and what their account says: the identity "Play here" signs in with,
 * the account's email and display name, and the changes a player makes to them.
 */
export class Profile {
  identity: Identity | null = null;
  private accountEmail: string | null = null;
  private displayName: string | null = null;

  constructor(
    private readonly client: Client,
    /** Live tokens, or a throw when the session can't be renewed. */
    private readonly fresh: () => Promise<Tokens>,
  ) {}

  /** A new sign-in: nothing is known of the account until load(). */
  signedIn(identity: Identity): void {
    this.identity = identity;
    this.accountEmail = null;
    this.displayName = null;
  }

  /** A saved session: the token's vars carry the email of an email sign-in. */
  restored(claims: { vrs?: Record<string, string> | undefined }): void {
    const email = claims.vrs?.email ?? null;
    this.identity = email ? { kind: "email", email, password: null } : { kind: "guest" };
  }

  forget(): void {
    this.identity = null;
    this.accountEmail = null;
    this.displayName = null;
  }

  /** A linked guest's email and the display name come from the account. */
  async load(tokens: Tokens): Promise<void> {
    try {
      const account = await this.client.getAccount(nakamaSession(tokens));
      this.accountEmail = account.email ?? null;
      this.displayName = account.user?.display_name || null;
    } catch {
      // Offline: the token's email var (if any) will do.
    }
  }

  async setDisplayName(name: string): Promise<void> {
    const input = DisplayName.safeParse(name.trim());
    if (!input.success) throw new SignInFailure("invalid_input", displayNameRule);
    const tokens = await this.freshForAccountChange();
    try {
      await this.client.updateAccount(nakamaSession(tokens), { display_name: input.data });
    } catch (err) {
      throw await toSignInFailure(err);
    }
    this.displayName = input.data;
  }

  async linkEmail(email: string, password: string): Promise<void> {
    const input = LinkEmail.safeParse({ email, password });
    if (!input.success) throw validationFailure(input.error);
    const tokens = await this.freshForAccountChange();
    try {
      await this.client.linkEmail(nakamaSession(tokens), { email, password });
    } catch (err) {
      throw await toSignInFailure(err);
    }
    this.identity = { kind: "email", email, password };
    this.accountEmail = email;
  }

  /** The signed-in player, from the token and what the account said. */
  info(tokens: Tokens): SessionInfo {
    const data = decodeSessionToken(tokens.token);
    let refreshExp = data.exp;
    try {
      refreshExp = decodeSessionClaims(tokens.refreshToken).exp;
    } catch {
      // keep the token's expiry
    }
    const email = this.accountEmail ?? data.vrs.email ?? null;
    return {
      userId: data.uid,
      username: data.usn,
      displayName: this.displayName,
      email,
      isGuest: email === null,
      signedInAt: new Date(Number(data.vrs.login_at) * 1000),
      tokenExpiresAt: new Date(data.exp * 1000),
      refreshExpiresAt: new Date(refreshExp * 1000),
    };
  }

  /** Live tokens for a change to the account, or the sign-in failure a form shows. */
  private async freshForAccountChange(): Promise<Tokens> {
    try {
      return await this.fresh();
    } catch {
      throw new SignInFailure("session_ended", "Your session ended — sign in again.");
    }
  }
}
