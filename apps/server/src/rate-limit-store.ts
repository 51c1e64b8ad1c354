// Where rate-limit counters live (RATE_LIMIT_STORE): in this process, in Redis, or in the
// Postgres database itself, so several server processes share one count.
import type { RateLimitStore } from "@folio/api";
import type { DbHandle } from "@folio/db";
import { Redis } from "ioredis";
import type { Config } from "./config.js";

export interface OpenedRateLimitStore {
  store: RateLimitStore;
  /** Releases what the store opened (the Redis connection); the db pool belongs to the caller. */
  close(): Promise<void>;
}

export function openRateLimitStore(
  config: Pick<Config, "rateLimitStore" | "redisUrl">,
  db: Pick<DbHandle, "pgPool">,
  onConnectionError: (error: Error) => void,
): OpenedRateLimitStore {
  switch (config.rateLimitStore) {
    case "memory":
      return { store: { kind: "memory" }, close: async () => {} };
    case "redis": {
      // rate-limiter-flexible wants offline queueing off: a Redis outage should fail the
      // request at once instead of queueing commands until memory runs out.
      const client = new Redis(config.redisUrl, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
      });
      // ioredis reconnects by itself; the listener keeps outages in the log, not on stderr.
      client.on("error", onConnectionError);
      return {
        store: { kind: "redis", client },
        close: async () => {
          await client.quit().catch(() => client.disconnect());
        },
      };
    }
    case "postgres":
      // config.ts already refused RATE_LIMIT_STORE=postgres on a SQLite DATABASE_URL.
      if (!db.pgPool) throw new Error("RATE_LIMIT_STORE=postgres needs a Postgres DATABASE_URL");
      return { store: { kind: "postgres", pool: db.pgPool }, close: async () => {} };
  }
}
