// Where rate-limit counters live (RATE_LIMIT_STORE): in this process, in Redis, or in the
// Postgres database itself, so several server processes share one count.
import type { RateLimitStore } from "@folio/api";
import type { DbHandle } from "@folio/db";
import type { Config } from "../config/config.js";

/** How long the first connection to Redis may take before the start is given up. */
const REDIS_CONNECT_TIMEOUT_MS = 10_000;

export interface OpenedRateLimitStore {
  store: RateLimitStore;
  /** Releases what the store opened (the Redis connection); the db pool belongs to the caller. */
  close(): Promise<void>;
}

/**
 * Opens the configured store. With Redis it waits for the first connection: with the offline
 * queue off, a login arriving before Redis is ready would fail; a Redis that cannot be reached
 * at start stops the start (as an unreachable database does) instead of serving without limits.
 */
export async function openRateLimitStore(
  config: Pick<Config, "rateLimitStore" | "redisUrl">,
  db: Pick<DbHandle, "pgPool">,
  onConnectionError: (error: Error) => void,
): Promise<OpenedRateLimitStore> {
  switch (config.rateLimitStore) {
    case "memory":
      return { store: { kind: "memory" }, close: async () => {} };
    case "redis":
      return openRedisStore(config.redisUrl, onConnectionError);
    case "postgres":
      // config.ts already refused RATE_LIMIT_STORE=postgres on a SQLite DATABASE_URL.
      if (!db.pgPool) throw new Error("RATE_LIMIT_STORE=postgres needs a Postgres DATABASE_URL");
      return { store: { kind: "postgres", pool: db.pgPool }, close: async () => {} };
  }
}

async function openRedisStore(
  url: string,
  onConnectionError: (error: Error) => void,
): Promise<OpenedRateLimitStore> {
  // rate-limiter-flexible wants offline queueing off: a Redis outage should fail the
  // request at once instead of queueing commands until memory runs out.
  // Loaded only when configured: most sites never need the Redis client in memory.
  const { Redis } = await import("ioredis");
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    lazyConnect: true,
    connectTimeout: REDIS_CONNECT_TIMEOUT_MS,
  });
  // ioredis reconnects by itself after an outage; the listener keeps outages in the log, not
  // on stderr as an unhandled 'error' event.
  client.on("error", onConnectionError);
  try {
    await client.connect();
  } catch (error) {
    client.disconnect(); // stops ioredis's reconnect loop, which would keep the process alive
    // The URL may hold a password: name the setting, not its value.
    throw new Error("RATE_LIMIT_STORE=redis: Redis at REDIS_URL did not answer", {
      cause: error,
    });
  }
  return {
    store: { kind: "redis", client },
    // quit() lets queued replies arrive; it rejects when the connection is already down.
    close: () =>
      client.quit().then(
        () => {},
        () => client.disconnect(),
      ),
  };
}
