// How many argon2id computations may run at once. Each holds a libuv thread and 19 MiB for
// tens of milliseconds; with as many running as the thread pool allows (4), a login storm on a
// 2-core machine starved the event loop (delay p99 ~250 ms, feed p99 x6; bench/README.md).
// Keeping one core free for the event loop makes queued logins wait instead of everyone.
import { availableParallelism } from "node:os";

/** All cores but one (at least one), never more than libuv's default pool of 4 threads. */
export function hashingSlotsFor(cores: number): number {
  return Math.min(4, Math.max(1, cores - 1));
}

export const hashingSlots = hashingSlotsFor(availableParallelism());
