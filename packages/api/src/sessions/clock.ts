// Session times. last_seen_at is kept to the minute: a request writes it only when the stored
// minute is older than the current one, so a session costs at most one write a minute.

/** The start of the minute `at` falls in, as an ISO string. */
export function minuteOf(at: Date): string {
  const minute = new Date(at);
  minute.setUTCSeconds(0, 0);
  return minute.toISOString();
}

/** True when a session last seen at `lastSeenAt` should be moved to the current minute. */
export function isStale(lastSeenAt: string, now: Date): boolean {
  return lastSeenAt < minuteOf(now);
}
