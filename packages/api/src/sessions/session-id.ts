// Session ids: 18 random bytes (144 bits) from the CSPRNG, base64url: 24 characters that
// cannot be guessed or enumerated. They name a session in the token and on the account page.
import { randomBytes } from "node:crypto";

export const SESSION_ID_BYTES = 18;

export function newSessionId(): string {
  return randomBytes(SESSION_ID_BYTES).toString("base64url");
}
