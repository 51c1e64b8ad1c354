// The device as the client described it: the User-Agent header, kept only to show the owner
// which device a session is on. Bounded so a client cannot store kilobytes per login.

export const USER_AGENT_MAX_LENGTH = 256;

export function normalizeUserAgent(header: string | string[] | undefined): string | null {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!value) return null;
  return value.slice(0, USER_AGENT_MAX_LENGTH);
}
