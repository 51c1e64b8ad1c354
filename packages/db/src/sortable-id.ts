// Ids that sort by time: UUIDv7 (RFC 9562) carrying the given instant, with a counter that keeps
// the ids of one process strictly increasing within a millisecond (two events written in one
// transaction keep their order), so a table keyed by them is ordered by time on its primary key.
import { randomInt } from "node:crypto";
import { v7 } from "uuid";

let last = { msecs: Number.NEGATIVE_INFINITY, seq: 0 };

/** A UUIDv7 whose timestamp is `at`. */
export function sortableId(at: Date): string {
  const msecs = at.getTime();
  // A fresh random start each millisecond (below 2^30, so a millisecond never runs out of room).
  const seq = msecs === last.msecs ? last.seq + 1 : randomInt(0, 2 ** 30);
  last = { msecs, seq };
  return v7({ msecs, seq });
}

/** The instant a sortable id carries. */
export function timeOfSortableId(id: string): Date {
  return new Date(Number.parseInt(id.replace(/-/g, "").slice(0, 12), 16));
}

export const SORTABLE_ID_PATTERN =
  /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
