/** The pair Nakama hands out at sign-in and refresh. */
export interface Tokens {
  token: string;
  refreshToken: string;
}

/**
 * The claims the net layer needs from a session token (the contracts' SessionData carries them;
 * times are Unix seconds, as in the JWT).
 */
export interface TokenClaims {
  uid: string;
  usn: string;
  exp: number;
  iat: number;
  vrs?: Record<string, string> | undefined;
}

export type DecodeToken = (token: string) => TokenClaims;
