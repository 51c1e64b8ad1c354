// A readable name for the device a session is on ("Firefox 140 on Linux"), from the User-Agent
// the session recorded. Bowser is loaded with the account page only (a lazy route).
import Bowser from "bowser";

export const UNKNOWN_DEVICE = "Unknown device";

export function deviceName(userAgent: string | null): string {
  if (!userAgent) return UNKNOWN_DEVICE;
  const { browser, os, platform } = Bowser.parse(userAgent);
  const major = browser.version?.split(".")[0];
  const browserName = browser.name ? [browser.name, major].filter(Boolean).join(" ") : null;
  const system = os.name ?? platform.vendor ?? null;
  if (browserName && system) return `${browserName} on ${system}`;
  if (browserName || system) return (browserName ?? system) as string;
  // Not a browser Bowser knows (a script, an API client): show what it said, shortened.
  return userAgent.length > 40 ? `${userAgent.slice(0, 40)}…` : userAgent;
}
