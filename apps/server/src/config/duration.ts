// ACCESS_TOKEN_TTL's format (API.md): a whole number and one unit, `90s`, `30m`, `12h`, `7d`.
const SECONDS_PER_UNIT = { s: 1, m: 60, h: 60 * 60, d: 24 * 60 * 60 } as const;

/** Seconds in a duration like `12h`, or null when the text is not one. */
export function parseDurationSeconds(text: string): number | null {
  const match = /^([1-9][0-9]{0,8})([smhd])$/.exec(text.trim());
  if (!match?.[1] || !match[2]) return null;
  return Number(match[1]) * SECONDS_PER_UNIT[match[2] as keyof typeof SECONDS_PER_UNIT];
}
