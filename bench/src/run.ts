// `pnpm bench`: seeds the databases, starts Folio's production server and the ceiling as their
// own processes, drives them from here, and writes bench/results/latest.json plus a table.
// Flags (after `pnpm bench --`): --duration 6 --warmup 1.5 --connections 10 --rounds 2
// --only workloads,eventLoop,uploads,scale,search,logging,spa --workloads list,byId,…
// --peers list,byId,… --profile <workload> --search-posts 1000000 (see bench/README.md).
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { compareWorkload, type Peer } from "./compare.js";
import { benchDir, cachedDatabase, dataDir, freshDatabase } from "./data-cache.js";
import { loggingPhase } from "./logging-phase.js";
import { PEER_ADAPTERS, type PeerAdapter } from "./peers.js";
import { eventLoopPhase, profilePhase, scalePhase, withServers } from "./phases.js";
import { type BenchResults, printCpuTable, printTable, writeResults } from "./report.js";
import { searchPhase } from "./search-phase.js";
import { seedWorkloadExtras } from "./seed-extras.js";
import { compareAnswers } from "./shape-check.js";
import { CHROMIUM_PATH, measureBundle, measureFcp, median } from "./spa.js";
import { uploadPhase } from "./upload-phase.js";
import {
  fetchFixtures,
  PEER_WORKLOAD_NAMES,
  WORKLOAD_NAMES,
  type WorkloadName,
  workloads,
} from "./workloads.js";

const ALL_PHASES = ["workloads", "eventLoop", "uploads", "scale", "search", "logging", "spa"];
const { values: flags } = parseArgs({
  options: {
    duration: { type: "string", default: "6" },
    warmup: { type: "string", default: "1.5" },
    connections: { type: "string", default: "10" },
    rounds: { type: "string", default: "2" },
    only: { type: "string", default: ALL_PHASES.join(",") },
    profile: { type: "string" },
    // Which workloads to measure (a lever's A/B needs only a few).
    workloads: { type: "string", default: WORKLOAD_NAMES.join(",") },
    // Workloads on which the same router also runs on tRPC's stock adapters ("none": no peers).
    peers: { type: "string", default: PEER_WORKLOAD_NAMES.join(",") },
    "fcp-loads": { type: "string", default: "5" },
    // Node flags for Folio's processes; by default those of apps/server's `pnpm start` script
    // (a lever's A/B: --folio-node-args="" against --folio-node-args="--max-semi-space-size=2").
    "folio-node-args": { type: "string" },
    // The big database of the search phase (1M is the figure; fewer for a quick smoke run).
    "search-posts": { type: "string", default: "1000000" },
  },
});
const settings = {
  duration: Number(flags.duration),
  warmup: Number(flags.warmup),
  connections: Number(flags.connections),
  rounds: Number(flags.rounds),
};
const phases = new Set(flags.only.split(","));
const peerWorkloads = new Set(flags.peers.split(","));
const chosenWorkloads = new Set(flags.workloads.split(","));
const repoRoot = join(benchDir, "..");
const SEEDED = { users: 100, posts: 10_000 };
const secret = randomBytes(32).toString("hex");
const loadavgText = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");

/** The node flags of `pnpm start` in apps/server ("node <flags> dist/main.js"). */
function startScriptFlags(): string[] {
  const manifest = JSON.parse(readFileSync(join(repoRoot, "apps/server/package.json"), "utf8"));
  const words = String(manifest.scripts?.start ?? "").split(/\s+/);
  return words.slice(1).filter((word) => word.startsWith("--"));
}
const folioNodeArgs =
  flags["folio-node-args"] === undefined
    ? startScriptFlags()
    : flags["folio-node-args"].split(/\s+/).filter(Boolean);

const folioSpec = (name: string, dbPath: string, logLevel = "silent") => ({
  name,
  nodeArgs: folioNodeArgs,
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
    // Required in production. No workload sends mail; were one to, it goes to a scratch folder.
    PUBLIC_URL: "http://127.0.0.1",
    MAIL_DIR: join(tmpdir(), "folio-bench-mail"),
  },
});
const peerSpec = (adapter: PeerAdapter, dbPath: string) => {
  const folio = folioSpec(adapter, dbPath);
  return {
    ...folio,
    script: join(benchDir, "dist/peer-server.js"),
    env: { ...folio.env, PEER_ADAPTER: adapter },
  };
};
const ceilingSpec = (dbPath: string, name = "ceiling") => ({
  name,
  script: join(benchDir, "dist/ceiling-server.js"),
  env: { CEILING_DB: dbPath, JWT_SECRET: secret },
});

async function main(): Promise<void> {
  const loadavgBefore = loadavgText();
  console.log(
    `Folio bench: ${JSON.stringify(settings)}; Folio's node flags: ${JSON.stringify(folioNodeArgs)}; load average ${loadavgBefore}`,
  );
  const main = await freshDatabase("main", SEEDED);
  seedWorkloadExtras(main.path, SEEDED);
  console.log(`seeded ${SEEDED.posts} posts in ${main.seconds.toFixed(1)} s`);
  const extra: Record<string, unknown> = { folioNodeArgs };
  const results = { date: new Date().toISOString(), settings, extra } as unknown as BenchResults;

  const usePeers = phases.has("workloads") && WORKLOAD_NAMES.some((w) => peerWorkloads.has(w));
  await withServers(
    [
      folioSpec("folio", main.path),
      ceilingSpec(main.path),
      ...(usePeers ? PEER_ADAPTERS.map((adapter) => peerSpec(adapter, main.path)) : []),
    ],
    async ([folio, ceiling, ...peerServers]) => {
      const peers: Peer[] = peerServers.map((server, i) => ({
        adapter: PEER_ADAPTERS[i] as PeerAdapter,
        server,
      }));
      // Where Folio's memory goes, phase by phase (process.memoryUsage, V8's spaces, VmHWM).
      const memoryByPhase: Record<string, unknown> = {};
      extra.memoryByPhase = memoryByPhase;
      const noteMemory = async (phase: string) => {
        const { memoryMb, heapSpacesMb } = await folio.eventLoopDelay();
        const { new_space, old_space, code_space } = heapSpacesMb;
        memoryByPhase[phase] = {
          ...memoryMb,
          spaces: { new_space, old_space, code_space },
          peakRss: folio.peakRssMb(),
        };
      };
      await noteMemory("idle");
      const fixtures = await fetchFixtures(folio.url, SEEDED);
      const all = workloads(fixtures);
      extra.answersDiffer = await compareAnswers(folio.url, ceiling.url, all);
      // The peers run the very same router: any difference would be host glue.
      extra.peerAnswersDiffer = Object.fromEntries(
        await Promise.all(
          peers.map(async (peer) => [
            peer.adapter,
            await compareAnswers(folio.url, peer.server.url, all),
          ]),
        ),
      );
      if (phases.has("workloads")) {
        results.workloads = {} as BenchResults["workloads"];
        results.peers = {};
        for (const name of WORKLOAD_NAMES.filter((w) => chosenWorkloads.has(w))) {
          console.log(`\n${name}`);
          const compared = await compareWorkload(
            all[name],
            folio,
            ceiling,
            peerWorkloads.has(name) ? peers : [],
            settings,
          );
          results.workloads[name] = compared.figures;
          await noteMemory(name);
          for (const [adapter, figures] of Object.entries(compared.peers)) {
            const { errors, ...kept } = figures;
            if (errors > 0) console.warn(`  ! ${adapter} had ${errors} errors on ${name}`);
            const key = adapter as PeerAdapter;
            results.peers[key] = { ...results.peers[key], [name]: kept };
          }
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
      await noteMemory("end");
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
  if (phases.has("search")) {
    const bigPosts = Number(flags["search-posts"]);
    const bigSize = { users: 100, posts: bigPosts };
    // The 1M database is the scale phase's (cached); another size is seeded for this run.
    const big =
      bigPosts === 1_000_000
        ? await cachedDatabase("scale-1m", bigSize)
        : await freshDatabase(`search-${bigPosts}`, bigSize);
    const small = await freshDatabase("search-10k", SEEDED);
    console.log(`\nsearch (10k and ${bigPosts} posts${big.cached ? ", from cache" : ""})`);
    results.search = await withServers(
      [
        folioSpec("folio @10k", small.path),
        ceilingSpec(small.path, "ceiling @10k"),
        folioSpec("folio @big", big.path),
        ceilingSpec(big.path, "ceiling @big"),
      ],
      ([folio10k, ceiling10k, folio1M, ceiling1M]) =>
        searchPhase({ folio10k, ceiling10k, folio1M, ceiling1M }, settings),
    );
    results.search.posts = { small: SEEDED.posts, big: bigPosts };
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
  // The bundle is still measured without a browser; FCP then reads n/a instead of ending the run.
  if (!existsSync(CHROMIUM_PATH)) {
    const note = `no ${CHROMIUM_PATH}: FCP not measured (apt-get install chromium, as .ci/run does)`;
    console.log(`\nSPA: JS ${bundle.jsGzipKb} KB gzip, CSS ${bundle.cssGzipKb} KB gzip; ${note}`);
    return { ...bundle, fcpMs: null, note };
  }
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
