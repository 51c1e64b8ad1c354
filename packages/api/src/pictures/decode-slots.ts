// How many pictures may be decoded at once. Decoding holds a libuv thread and the decoded
// pixels for tens of milliseconds, like an argon2id hash, so it gets the same budget as the
// login hashing cap (auth/hashing-slots.ts): all cores but one, so a burst of uploads queues
// instead of starving the event loop that serves the feed.
import { availableParallelism } from "node:os";
import pLimit from "p-limit";
import { hashingSlotsFor } from "../auth/hashing-slots.js";

export const decodeSlots = hashingSlotsFor(availableParallelism());

const limit = pLimit(decodeSlots);

let running = 0;
let mostAtOnce = 0;

/** Runs `work` in one of the decode slots, waiting in line while all are taken. */
export function inDecodeSlot<T>(work: () => Promise<T>): Promise<T> {
  return limit(async () => {
    running += 1;
    mostAtOnce = Math.max(mostAtOnce, running);
    try {
      return await work();
    } finally {
      running -= 1;
    }
  });
}

/** The most decodes seen running at once since the last reset (tests count work, not time). */
export const decodeStats = {
  mostAtOnce: () => mostAtOnce,
  waiting: () => limit.pendingCount,
  reset: () => {
    mostAtOnce = running;
  },
};
