// Caps how many argon2id computations run at once. Each one holds a libuv thread and 19 MiB
// for tens of milliseconds; with as many running as the thread pool allows (4), a login storm
// on a 2-core machine starved the event loop (delay p99 ~250 ms, feed p99 x6; bench/README.md).
// Keeping one core free for the event loop makes queued logins wait instead of everyone.
import { availableParallelism } from "node:os";

export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

/** A FIFO limiter: at most `slots` tasks run at once; the rest wait their turn. */
export function createLimiter(slots: number): Limiter {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    running--;
    waiting.shift()?.();
  };
  return async (task) => {
    if (running >= slots) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      release();
    }
  };
}

/** All cores but one (at least one), never more than libuv's default pool of 4 threads. */
export const hashingSlots = Math.min(4, Math.max(1, availableParallelism() - 1));
