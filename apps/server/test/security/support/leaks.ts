// What an answer must never carry: stack traces, SQL or driver text, file paths. A leak tells an
// attacker the schema, the stack and the layout of the host (OWASP API8, ASVS V7.4).
const LEAK_PATTERNS: RegExp[] = [
  /"stack"/,
  /\n\s+at /,
  / {4}at /,
  /\bSELECT\b/,
  /\bINSERT\b/,
  /sqlite/i,
  /SQLITE_/,
  /syntax error/i,
  /relation "/,
  /no such (table|column)/,
  /\/work\//,
  /node_modules/,
  /\.ts:/,
  /\.js:/,
];

/** The first forbidden fragment in `text`, or null. */
export function findLeak(text: string): string | null {
  for (const pattern of LEAK_PATTERNS) {
    const match = pattern.exec(text);
    if (match) return match[0];
  }
  return null;
}

/** Generated text that would itself look like a leak when echoed (a key named "sqlite"). */
export const looksLikeLeak = (text: string): boolean => findLeak(text) !== null;
