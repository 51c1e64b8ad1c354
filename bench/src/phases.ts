// The figures beyond Folio-vs-ceiling: the feed at scale, the feed during a login storm, the
// cost of request logging, and a CPU profile of one workload.
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pair } from "./compare.js";
import { type LoadSettings, runConcurrently, runLoad, type Workload } from "./load.js";
import { printProfile, summarizeProfile } from "./profile-summary.js";
import { ratio } from "./report.js";
import { type RunningServer, type ServerSpec, startServer } from "./server-process.js";
import { loginWorkload, query, walkFeed } from "./workloads.js";

type Settings = LoadSettings & { rounds: number };

/** Starts servers, runs `body` with them (in the order of `specs`), and always stops them. */
export async function withServers<const S extends readonly ServerSpec[], T>(
  specs: S,
  body: (servers: { [K in keyof S]: RunningServer }) => Promise<T>,
): Promise<T> {
  const servers: RunningServer[] = [];
  try {
    for (const spec of specs) servers.push(await startServer(spec));
    return await body(servers as { [K in keyof S]: RunningServer });
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}

/** The first feed page and a page 5,000 posts deep, on 10k posts against 1M posts. */
export async function scalePhase(small: RunningServer, big: RunningServer, settings: Settings) {
  const first = { path: query("post.list", { limit: 10 }) };
  const [first10k, first1M] = await pair(
    { server: small, workload: first, label: "feed @10k" },
    { server: big, workload: first, label: "feed @1M" },
    settings,
  );
  const deepAt = async (server: RunningServer) => ({
    path: query("post.list", { limit: 10, cursor: await walkFeed(server.url, 5000) }),
  });
  const [deep10k, deep1M] = await pair(
    { server: small, workload: await deepAt(small), label: "deep page @10k" },
    { server: big, workload: await deepAt(big), label: "deep page @1M" },
    settings,
  );
  return {
    rps10k: first10k.rps,
    rps1M: first1M.rps,
    ratio: ratio(first1M.rps, first10k.rps),
    // The same comparison by server CPU per request (10k cost / 1M cost): far less noisy than
    // req/s on a shared machine, and what "a page does not cost more at 1M" means.
    cpuRatio: ratio(first10k.cpuMsPerRequest ?? 0, first1M.cpuMsPerRequest ?? 0),
    p99Ms10k: first10k.p99Ms,
    p99Ms1M: first1M.p99Ms,
    deepPage: {
      rps10k: deep10k.rps,
      rps1M: deep1M.rps,
      ratio: ratio(deep1M.rps, deep10k.rps),
      cpuRatio: ratio(deep10k.cpuMsPerRequest ?? 0, deep1M.cpuMsPerRequest ?? 0),
    },
    runs: { first10k, first1M, deep10k, deep1M },
  };
}

/**
 * The feed's p99 alone, then while logins (argon2id on the thread pool) run flat out from
 * `loginConnections` more connections; and the server's own event-loop delay during the storm.
 */
export async function eventLoopPhase(
  folio: RunningServer,
  list: Workload,
  settings: Settings,
  loginConnections: number,
) {
  await folio.eventLoopDelay(); // starts a new measuring window
  const alone = await runLoad(folio.url, list, settings);
  const delayAlone = await folio.eventLoopDelay();
  const storm = await runConcurrently(
    folio.url,
    list,
    { ...loginWorkload(), connections: loginConnections },
    settings,
  );
  const delay = await folio.eventLoopDelay();
  console.log(
    `  list alone p99 ${alone.p99Ms} ms; with logins p99 ${storm.measured.p99Ms} ms, ${storm.background.rps} logins/s (${storm.background.errors} errors), loop delay p99 ${delay.p99Ms} ms (${delayAlone.p99Ms} ms without logins)`,
  );
  return {
    p99AloneMs: alone.p99Ms,
    p99UnderLoginsMs: storm.measured.p99Ms,
    p99Ratio: ratio(storm.measured.p99Ms, Math.max(alone.p99Ms, 1)),
    delayP99Ms: delay.p99Ms,
    delayMaxMs: delay.maxMs,
    delayP99AloneMs: delayAlone.p99Ms,
    loginsPerSecond: storm.background.rps,
    loginErrors: storm.background.errors,
    rpsAlone: alone.rps,
    rpsUnderLogins: storm.measured.rps,
  };
}

/** Runs one workload against a server started with --cpu-prof and summarizes the profile. */
export async function profilePhase(
  spec: ServerSpec,
  workload: Workload,
  settings: Settings,
  dir: string,
) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const profiled = {
    ...spec,
    nodeArgs: [...(spec.nodeArgs ?? []), "--cpu-prof", `--cpu-prof-dir=${dir}`],
  };
  await withServers([profiled], ([server]) => runLoad(server.url, workload, settings));
  const file = readdirSync(dir).find((name) => name.endsWith(".cpuprofile"));
  if (!file) throw new Error(`no .cpuprofile written in ${dir}`);
  const summary = summarizeProfile(join(dir, file));
  printProfile(`CPU profile of ${spec.name}`, summary);
  return { file: join(dir, file), ...summary };
}
