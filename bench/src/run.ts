// `pnpm bench`: seeds the databases, starts Folio's production server and the ceiling as their
// own processes, drives them from here, and writes bench/results/latest.json plus a table.
// Flags (after `pnpm bench --`): --duration 6 --warmup 1.5 --connections 10 --rounds 2
// --only workloads,eventLoop,uploads,scale,logging,spa --profile <workload> (see bench/README.md).
import { randomBytes } from "node:crypto";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { compareWorkload } from "./compare.js";
import { benchDir, cachedDatabase, dataDir, freshDatabase } from "./data-cache.js";
import { loggingPhase } from "./logging-phase.js";
import { eventLoopPhase, profilePhase, scalePhase, withServers } from "./phases.js";
import { type BenchResults, printCpuTable, printTable, writeResults } from "./report.js";
import { compareAnswers } from "./shape-check.js";
import { measureBundle, measureFcp, median } from "./spa.js";
import { uploadPhase } from "./upload-phase.js";
import { fetchFixtures, WORKLOAD_NAMES, type WorkloadName, workloads } from "./workloads.js";

const ALL_PHASES = ["workloads", "eventLoop", "uploads", "scale", "logging", "spa"];
const { values: flags } = parseArgs({
  options: {
    duration: { type: "string", default: "6" },
    warmup: { type: "string", default: "1.5" },
    connections: { type: "string", default: "10" },
    rounds: { type: "string", default: "2" },
    only: { type: "string", default: ALL_PHASES.join(",") },
    profile: { type: "string" },
    "fcp-loads": { type: "string", default: "5" },
  },
});
const settings = {
  duration: Number(flags.duration),
  warmup: Number(flags.warmup),
  connections: Number(flags.connections),
  rounds: Number(flags.rounds),
};
const phases = new Set(flags.only.split(","));
const repoRoot = join(benchDir, "..");
const SEEDED = { users: 100, posts: 10_000 };
const secret = randomBytes(32).toString("hex");
const loadavgText = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");

const folioSpec = (name: string, dbPath: string, logLevel = "silent") => ({
  name,
  script: join(repoRoot, "apps/server/dist/main.js"),
  env: {
    NODE_ENV: "production",
    DATABASE_URL: `sqlite:${dbPath}`,
    JWT_SECRET: secret,
    RATE_LIMIT_LOGIN_IP: "0",
    RATE_LIMIT_LOGIN_ACCOUNT: "0",
    RATE_LIMIT_REGISTER_IP: "0",
    RATE_LIMIT_UPLOAD_USER: "0",
    LOG_LEVEL: logLevel,
  },
});
const ceilingSpec = (dbPath: string) => ({
  name: "ceiling",
  script: join(benchDir, "dist/ceiling-server.js"),
  env: { CEILING_DB: dbPath, JWT_SECRET: secret },
});

async function main(): Promise<void> {
  const loadavgBefore = loadavgText();
  console.log(`Folio bench: ${JSON.stringify(settings)}; load average ${loadavgBefore}`);
  const main = await freshDatabase("main", SEEDED);
  console.log(`seeded ${SEEDED.posts} posts in ${main.seconds.toFixed(1)} s`);
  const extra: Record<string, unknown> = {};
  const results = { date: new Date().toISOString(), settings, extra } as unknown as BenchResults;

  await withServers(
    [folioSpec("folio", main.path), ceilingSpec(main.path)],
    async ([folio, ceiling]) => {
      const fixtures = await fetchFixtures(folio.url, SEEDED.posts);
      const all = workloads(fixtures);
      extra.answersDiffer = await compareAnswers(folio.url, ceiling.url, all);
      if (phases.has("workloads")) {
        results.workloads = {} as BenchResults["workloads"];
        for (const name of WORKLOAD_NAMES) {
          console.log(`\n${name}`);
          results.workloads[name] = await compareWorkload(all[name], folio, ceiling, settings);
        }
      }
      extra.rssPeakBeforeLoginsMb = folio.peakRssMb();
      extra.ceilingRssPeakMb = ceiling.peakRssMb();
      if (phases.has("eventLoop")) {
        console.log("\nlogin storm");
        results.eventLoop = await eventLoopPhase(folio, all.list, settings, 16);
      }
      if (phases.has("uploads")) {
        console.log("\npicture uploads");
        extra.rssPeakBeforeUploadsMb = folio.peakRssMb();
        results.uploads = await uploadPhase(folio, all.list, settings, fixtures.token, 8);
      }
      results.rssPeakMb = folio.peakRssMb();
      if (phases.has("spa")) results.spa = await spaPhase(folio.url);
      if (flags.profile) {
        const workload = all[flags.profile as WorkloadName];
        const dir = join(dataDir, "profiles");
        extra.profile = await profilePhase(folioSpec("folio", main.path), workload, settings, dir);
      }
    },
  );

  if (phases.has("scale")) {
    const big = await cachedDatabase("scale-1m", { users: 100, posts: 1_000_000 });
    console.log(
      `\nscale (1M database ${big.cached ? "from cache" : `seeded in ${big.seconds.toFixed(1)} s`})`,
    );
    const small = await freshDatabase("scale-10k", SEEDED);
    results.scale = await withServers(
      [folioSpec("folio @10k", small.path), folioSpec("folio @1M", big.path)],
      ([a, b]) => scalePhase(a, b, settings),
    );
  }
  if (phases.has("logging")) {
    console.log("\nrequest logging (list)");
    extra.logging = await loggingPhase(folioSpec, main.path, settings);
  }

  results.machine = {
    cpus: cpus().length,
    loadavgBefore,
    loadavgAfter: loadavgText(),
    node: process.version,
  };
  printTable(results);
  printCpuTable(results);
  console.log(
    `\nwrote ${writeResults(
      join(benchDir, "results"),
      results,
      ALL_PHASES.every((phase) => phases.has(phase)),
    )}`,
  );
}

async function spaPhase(url: string) {
  const bundle = measureBundle(join(repoRoot, "apps/web/dist"));
  if (bundle.jsGzipKb === null) return { ...bundle, fcpMs: null };
  const runs = await measureFcp(`${url}/`, Number(flags["fcp-loads"]));
  console.log(
    `\nSPA: JS ${bundle.jsGzipKb} KB gzip, CSS ${bundle.cssGzipKb} KB gzip, FCP ${runs.join("/")} ms`,
  );
  return { ...bundle, fcpMs: median(runs), fcpRunsMs: runs };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
