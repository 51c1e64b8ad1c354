// The DeviceSession shape of API.md: what the account page lists.
import { type Database, listLiveSessions, type SessionRow, toIsoString } from "@folio/db";
import type { Kysely } from "kysely";

export interface DeviceSession {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  userAgent: string | null;
  current: boolean;
}

export function toDeviceSession(row: SessionRow, currentSessionId: string): DeviceSession {
  return {
    id: row.id,
    createdAt: toIsoString(row.created_at),
    lastSeenAt: toIsoString(row.last_seen_at),
    userAgent: row.user_agent,
    current: row.id === currentSessionId,
  };
}

/** The user's live sessions, most recently seen first; `current` marks `currentSessionId`. */
export async function listDeviceSessions(
  db: Kysely<Database>,
  userId: number,
  currentSessionId: string,
): Promise<DeviceSession[]> {
  const rows = await listLiveSessions(db, userId, new Date().toISOString());
  return rows.map((row) => toDeviceSession(row, currentSessionId));
}
