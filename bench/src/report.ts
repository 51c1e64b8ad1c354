// The results file (bench/results/latest.json) and the pass/fail table against the targets of
// issue 15 (throughput, CPU per request against the ceiling, against tRPC's own adapters) and
// issue 7 (scale, event loop, memory, SPA).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { LoadResult } from "./load.js";
import { PEER_ADAPTERS, type PeerAdapter, type PeerFigures } from "./peers.js";
import type { SearchFigures } from "./search-phase.js";
import type { SpaResult } from "./spa.js";
import type { WorkloadName } from "./workloads.js";

export interface WorkloadFigures {
  folio: LoadResult;
  ceiling: LoadResult;
  /** Folio req/s over the ceiling's. */
  ratio: number;
  /** Folio's server CPU per request over the ceiling's (lower is better). */
  cpuRatio: number;
}

export interface BenchResults {
  date: string;
  machine: { cpus: number; loadavgBefore: string; loadavgAfter: string; node: string };
  settings: { durationS: number; warmupS: number; connections: number; rounds: number };
  workloads: Record<WorkloadName, WorkloadFigures>;
  /** peers.<adapter>.<workload>: the same router on tRPC's stock adapters, in the same run. */
  peers: Partial<Record<PeerAdapter, Partial<Record<WorkloadName, PeerFigures>>>>;
  scale: { rps10k: number; rps1M: number; ratio: number; p99Ms10k: number; p99Ms1M: number };
  eventLoop: {
    p99AloneMs: number;
    p99UnderLoginsMs: number;
    p99Ratio: number;
    delayP99Ms: number;
    loginsPerSecond: number;
  };
  uploads: {
    cpuMsPerUpload: number | null;
    p99Ratio: number;
    delayP99Ms: number;
    uploadsPerSecond: number;
  };
  rssPeakMb: number;
  spa: SpaResult;
  /** post.search at 10k and 1M posts (`posts.big` says how many, when run smaller). */
  search: SearchFigures & { posts?: { small: number; big: number } };
  [extra: string]: unknown;
}

interface Row {
  figure: string;
  folio: string;
  ceiling: string;
  value: number | null;
  target: string;
  pass: boolean | null;
}

const atLeast = (value: number | null, min: number) => (value === null ? null : value >= min);
const atMost = (value: number | null, max: number) => (value === null ? null : value <= max);
const fmt = (value: number | null) => (value === null ? "n/a" : String(value));

export const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : 0);

/** Issue 15: Folio req/s over the ceiling's, at least (issue 25's paths set only a CPU target). */
const FLOORS: Partial<Record<WorkloadName, number>> = {
  list: 0.5,
  deepPage: 0.5,
  create: 0.5,
  byId: 0.25,
  me: 0.5,
};
/** Issue 23: post.search latency at 1M posts, at most (ms). */
const SEARCH_P50_MS = 20;
const SEARCH_P99_MS = 100;
/** Issues 15 and 25: Folio CPU per request over the ceiling's, at most. */
const CPU_CEILINGS: Record<WorkloadName, number> = {
  list: 2,
  deepPage: 2,
  create: 2,
  byId: 4,
  me: 2,
  comments: 2.5,
  publish: 2.5,
};
/** Issue 15: Folio req/s over the stock Fastify adapter's, at least (list and byId). */
const PEER_FLOORS: Partial<Record<PeerAdapter, Partial<Record<WorkloadName, number>>>> = {
  fastifyAdapter: { list: 1.5, byId: 1.5 },
};

function rows(results: BenchResults): Row[] {
  const out: Row[] = [];
  for (const [name, figures] of Object.entries(results.workloads ?? {})) {
    const floor = FLOORS[name as WorkloadName];
    const errors = figures.folio.errors + figures.ceiling.errors;
    out.push({
      figure: `${name} req/s${errors > 0 ? ` (${errors} ERRORS)` : ""}`,
      folio: String(figures.folio.rps),
      ceiling: String(figures.ceiling.rps),
      value: figures.ratio,
      target: floor === undefined ? "" : `>= ${floor}`,
      pass: errors > 0 ? false : floor === undefined ? null : atLeast(figures.ratio, floor),
    });
    const cpuMax = CPU_CEILINGS[name as WorkloadName];
    out.push({
      figure: `${name} CPU ms/req`,
      folio: String(figures.folio.cpuMsPerRequest ?? "n/a"),
      ceiling: String(figures.ceiling.cpuMsPerRequest ?? "n/a"),
      value: figures.cpuRatio,
      target: `<= ${cpuMax}`,
      pass: atMost(figures.cpuRatio, cpuMax),
    });
  }
  for (const adapter of PEER_ADAPTERS) {
    for (const [name, peer] of Object.entries(results.peers?.[adapter] ?? {})) {
      const floor = PEER_FLOORS[adapter]?.[name as WorkloadName];
      out.push({
        figure: `${name} req/s vs ${adapter}`,
        folio: String(results.workloads?.[name as WorkloadName]?.folio.rps ?? "n/a"),
        ceiling: `${peer.rps} (${peer.cpuMsPerRequest ?? "?"} ms)`,
        value: peer.ratio,
        target: floor === undefined ? "" : `>= ${floor}`,
        pass: floor === undefined ? null : atLeast(peer.ratio, floor),
      });
    }
  }
  const search = results.search;
  if (search) {
    const big = search.posts && search.posts.big !== 1_000_000 ? `@${search.posts.big}` : "@1M";
    out.push(
      {
        figure: `search p50/p99 ms @10k${search.answersDiffer.length ? " (ANSWERS DIFFER)" : ""}`,
        folio: `${search.p50Ms10k}/${search.p99Ms10k}`,
        ceiling: `${search.ceiling.p50Ms10k}/${search.ceiling.p99Ms10k}`,
        value: search.cpuRatio10k,
        target: "(measured; ratio: CPU)",
        pass: search.answersDiffer.length ? false : null,
      },
      {
        figure: `search p50/p99 ms ${big}`,
        folio: `${search.p50Ms1M}/${search.p99Ms1M}`,
        ceiling: `${search.ceiling.p50Ms1M}/${search.ceiling.p99Ms1M}`,
        value: search.cpuRatio1M,
        // Issue 23's targets hold at 1M posts; a smaller --search-posts run is only measured.
        target: big === "@1M" ? `p50 <= ${SEARCH_P50_MS}, p99 <= ${SEARCH_P99_MS}` : "(measured)",
        pass: search.answersDiffer.length
          ? false
          : big === "@1M"
            ? atMost(search.p50Ms1M, SEARCH_P50_MS) === true &&
              atMost(search.p99Ms1M, SEARCH_P99_MS) === true
            : null,
      },
      {
        figure: `search CPU ms/query ${big}`,
        folio: fmt(search.cpuMsPerQuery1M),
        ceiling: fmt(search.ceiling.cpuMsPerQuery1M),
        value: search.cpuRatio1M,
        target: "(measured)",
        pass: null,
      },
    );
  }
  // A phase left out with --only has no figures: its rows read n/a.
  const scale = results.scale ?? { ratio: null };
  const eventLoop = results.eventLoop ?? { p99Ratio: null, delayP99Ms: null };
  const spa = results.spa ?? { jsGzipKb: null, cssGzipKb: null, fcpMs: null };
  const uploads = results.uploads ?? { cpuMsPerUpload: null, p99Ratio: null, delayP99Ms: null };
  const plain = (figure: string, value: number | null, target: string, pass: boolean | null) => ({
    figure,
    folio: fmt(value),
    ceiling: "",
    value,
    target,
    pass,
  });
  out.push(
    { ...plain("feed 1M/10k req/s", scale.ratio, ">= 0.9", atLeast(scale.ratio, 0.9)) },
    plain("list p99 logins/alone", eventLoop.p99Ratio, "<= 3", atMost(eventLoop.p99Ratio, 3)),
    plain("loop delay p99 ms", eventLoop.delayP99Ms, "<= 20", atMost(eventLoop.delayP99Ms, 20)),
    plain("list p99 uploads/alone", uploads.p99Ratio, "<= 3", atMost(uploads.p99Ratio, 3)),
    plain(
      "loop delay p99 ms (uploads)",
      uploads.delayP99Ms,
      "<= 20",
      atMost(uploads.delayP99Ms, 20),
    ),
    plain("server CPU ms per upload", uploads.cpuMsPerUpload, "(measured)", null),
    plain("peak RSS MB", results.rssPeakMb ?? null, "<= 150", atMost(results.rssPeakMb, 150)),
    plain("home JS gzip KB", spa.jsGzipKb, "<= 130", atMost(spa.jsGzipKb, 130)),
    plain("home CSS gzip KB", spa.cssGzipKb, "<= 35", atMost(spa.cssGzipKb, 35)),
    plain("FCP ms", spa.fcpMs, "<= 400", atMost(spa.fcpMs, 400)),
  );
  return out;
}

export function printTable(results: BenchResults): void {
  const header = ["figure", "Folio", "ceiling / peer", "ratio", "target", "result"];
  const body = rows(results).map((row) => [
    row.figure,
    row.folio,
    row.ceiling,
    row.ceiling ? fmt(row.value) : "",
    row.target,
    row.pass === null ? (row.target ? "n/a" : "") : row.pass ? "pass" : "FAIL",
  ]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ");
  console.log(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const cells of body) console.log(line(cells));
}

/** CPU per request explains a throughput ratio without the noise of a shared machine. */
export function printCpuTable(results: BenchResults): void {
  const entries = Object.entries(results.workloads ?? {});
  if (entries.length === 0) return;
  console.log("\nserver CPU per request (ms, user + system)");
  for (const [name, { folio, ceiling }] of entries) {
    const f = folio.cpuMsPerRequest ?? 0;
    const c = ceiling.cpuMsPerRequest ?? 0;
    const peers = PEER_ADAPTERS.map((adapter) => {
      const peer = results.peers?.[adapter]?.[name as WorkloadName];
      return peer ? `  ${adapter} ${peer.cpuMsPerRequest ?? "?"}` : "";
    }).join("");
    console.log(
      `  ${name.padEnd(9)} Folio ${f}  ceiling ${c}  Folio/ceiling x${ratio(f, c)}${peers}`,
    );
  }
}

/** A run of every phase is `latest.json`; a partial run (--only) must not overwrite it. */
export function writeResults(dir: string, results: BenchResults, complete: boolean): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, complete ? "latest.json" : "partial.json");
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
  return path;
}
