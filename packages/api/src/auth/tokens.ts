// Access tokens: HS256 JWTs (RFC 8725: algorithm, issuer and audience pinned on verify).
import { errors as joseErrors, jwtVerify, SignJWT } from "jose";

export const TOKEN_ISSUER = "folio";
export const TOKEN_AUDIENCE = "folio";
export const TOKEN_ALGORITHM = "HS256";

export interface AuthSettings {
  /** HS256 key, at least 32 bytes. */
  secret: Uint8Array;
  /** Lifetime of an access token, in seconds. */
  ttlSeconds: number;
}

export interface IssuedToken {
  accessToken: string;
  expiresAt: string;
}

export interface TokenClaims {
  userId: number;
  /** The session the token belongs to (`sid`); the token is valid only while it lives. */
  sessionId: string;
}

/** Session ids are base64url (sessions/session-id.ts); anything else was not issued here. */
const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

export async function issueAccessToken(
  auth: AuthSettings,
  userId: number,
  sessionId: string,
  issuedAtMs = Date.now(),
): Promise<IssuedToken> {
  const issuedAt = Math.floor(issuedAtMs / 1000);
  const expiresAt = issuedAt + auth.ttlSeconds;
  const accessToken = await new SignJWT({ sid: sessionId })
    .setProtectedHeader({ alg: TOKEN_ALGORITHM, typ: "JWT" })
    .setSubject(String(userId))
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(auth.secret);
  return { accessToken, expiresAt: new Date(expiresAt * 1000).toISOString() };
}

/** The claims of a valid token, or null for any token Folio did not issue or that expired. */
export async function verifyAccessToken(
  auth: AuthSettings,
  token: string,
): Promise<TokenClaims | null> {
  try {
    const { payload } = await jwtVerify(token, auth.secret, {
      algorithms: [TOKEN_ALGORITHM],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      requiredClaims: ["sub", "exp", "iat", "sid"],
    });
    const userId = Number(payload.sub);
    const sessionId = payload.sid;
    if (!Number.isSafeInteger(userId) || userId <= 0) return null;
    if (typeof sessionId !== "string" || !SESSION_ID_PATTERN.test(sessionId)) return null;
    return { userId, sessionId };
  } catch (error) {
    if (error instanceof joseErrors.JOSEError) return null;
    throw error;
  }
}
