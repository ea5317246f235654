import type { ServerConfig } from "../../config/server-config";
import type { Tokens } from "./tokens";

export interface AuthResult extends Tokens {
  created: boolean;
}

/**
 * Nakama's authenticate and refresh endpoints, called with fetch. nakama-js 2.8.0 decodes
 * every token it receives with plain atob, which garbles base64url and can throw on
 * perfectly good tokens, so sign-in and refresh skip it; the contracts' decodeSessionToken
 * reads the claims instead. Failures throw the fetch Response, as nakama-js does, so one
 * error path handles both.
 */
export class AuthHttp {
  private readonly base: string;

  constructor(
    private readonly config: ServerConfig,
    private readonly timeoutMs = 10_000,
  ) {
    this.base = `${config.useSSL ? "https" : "http"}://${config.host}:${config.port}`;
  }

  authenticateEmail(
    email: string,
    password: string,
    options: { create: boolean; username?: string; vars: Record<string, string> },
  ): Promise<AuthResult> {
    const query: Record<string, string> = { create: String(options.create) };
    if (options.username) query.username = options.username;
    return this.post("/v2/account/authenticate/email", query, {
      email,
      password,
      vars: options.vars,
    });
  }

  authenticateDevice(id: string, vars: Record<string, string>): Promise<AuthResult> {
    return this.post("/v2/account/authenticate/device", { create: "true" }, { id, vars });
  }

  refresh(refreshToken: string, vars: Record<string, string>): Promise<AuthResult> {
    return this.post("/v2/account/session/refresh", {}, { token: refreshToken, vars });
  }

  private async post(
    path: string,
    query: Record<string, string>,
    body: object,
  ): Promise<AuthResult> {
    const url = new URL(path, this.base);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    const res = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Basic ${btoa(`${this.config.serverKey}:`)}`,
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!res.ok) throw res;
    const json = (await res.json()) as {
      token?: string;
      refresh_token?: string;
      created?: boolean;
    };
    if (!json.token || !json.refresh_token) throw new Error(`${path}: no token in the answer`);
    return { token: json.token, refreshToken: json.refresh_token, created: json.created ?? false };
  }
}
