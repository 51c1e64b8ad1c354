// Two server processes sharing one fresh Postgres database and one JWT secret, as behind a
// load balancer; `at(i)` alternates between them so every step can switch process.
import { randomBytes } from "node:crypto";
import { createFreshDatabase, type FreshDatabase } from "./fresh-postgres-database.js";
import { type RunningServer, spawnServer } from "./spawn-server.js";

export interface ServerPair {
  servers: [RunningServer, RunningServer];
  database: FreshDatabase;
  /** The url of server `i % 2`. */
  at(i: number): string;
  stop(): Promise<void>;
}

/** Starts both processes at the same moment on the empty database (both run migrations). */
export async function startServerPair(
  adminUrl: string,
  env: Record<string, string | undefined>,
): Promise<ServerPair> {
  const database = await createFreshDatabase(adminUrl, "mp");
  const shared = {
    ...env,
    DATABASE_URL: database.url,
    JWT_SECRET: randomBytes(32).toString("hex"),
  };
  const started = await Promise.allSettled([
    spawnServer({ env: shared }),
    spawnServer({ env: shared }),
  ]);
  const running = started.flatMap((result) =>
    result.status === "fulfilled" ? [result.value] : [],
  );
  const stop = async () => {
    await Promise.all(running.map((server) => server.stop()));
    await database.drop();
  };
  const failed = started.find((result) => result.status === "rejected");
  if (failed) {
    await stop();
    throw failed.reason;
  }
  const servers = running as [RunningServer, RunningServer];
  return { servers, database, at: (i) => (servers[i % 2] as RunningServer).url, stop };
}
