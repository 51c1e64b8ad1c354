// post.search at 10k and 1M posts, Folio against the ceiling running the same SQL
// (ceiling-search.ts), alternating. One connection: the latency is a query's own, not time
// spent queueing behind other searches on two cores. The queries cycle through the query
// language at chosen frequencies of the seed's Zipf vocabulary (seed.ts), from a word in 0.2% of
// the posts to one in a fifth of them (the slow end: every hit is ranked before the first page).
import { pair } from "./compare.js";
import type { LoadSettings, Workload } from "./load.js";
import { ratio } from "./report.js";
import { searchWord as w } from "./seed.js";
import type { RunningServer } from "./server-process.js";
import { query } from "./workloads.js";

export const SEARCH_QUERIES = {
  rareWord: w(300),
  twoWords: `${w(20)} ${w(60)}`,
  either: `${w(500)} or ${w(2000)}`,
  excluding: `${w(150)} -${w(3)}`,
  phrase: `"${w(5)} ${w(7)}"`,
  commonWord: w(3),
};
type QueryName = keyof typeof SEARCH_QUERIES;

const pathOf = (q: string) => query("post.search", { q, limit: 10 });

/** Every query of SEARCH_QUERIES in turn, on one connection. */
export function searchWorkload(): Workload {
  const paths = Object.values(SEARCH_QUERIES).map(pathOf);
  let next = 0;
  return {
    path: paths[0] ?? "",
    connections: 1,
    requests: [
      { setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] ?? "" }) },
    ],
  };
}

async function hitIds(url: string, q: string): Promise<number[]> {
  const res = await fetch(url + pathOf(q));
  const body = (await res.json()) as { result?: { data: { items: { id: number }[] } } };
  if (!res.ok || !body.result) throw new Error(`${url} answered ${res.status} to search "${q}"`);
  return body.result.data.items.map((item) => item.id);
}

/** The queries whose first page of hits differs between the two servers (same ids, same order). */
async function differingQueries(folio: RunningServer, ceiling: RunningServer): Promise<string[]> {
  const differ: string[] = [];
  for (const [name, q] of Object.entries(SEARCH_QUERIES)) {
    const [a, b] = await Promise.all([hitIds(folio.url, q), hitIds(ceiling.url, q)]);
    if (a.length === 0) throw new Error(`search "${q}" (${name}) finds nothing: check the seed`);
    if (a.join() !== b.join()) differ.push(name);
  }
  return differ;
}

/** Median wall time of a few sequential calls per query (after one unmeasured call). */
async function perQueryMs(server: RunningServer): Promise<Record<QueryName, number>> {
  const out = {} as Record<QueryName, number>;
  for (const [name, q] of Object.entries(SEARCH_QUERIES) as [QueryName, string][]) {
    const times: number[] = [];
    for (let i = 0; i < 6; i++) {
      const started = performance.now();
      await hitIds(server.url, q);
      if (i > 0) times.push(performance.now() - started);
    }
    times.sort((x, y) => x - y);
    out[name] = Math.round((times[Math.floor(times.length / 2)] ?? 0) * 10) / 10;
  }
  return out;
}

export interface SearchServers {
  folio10k: RunningServer;
  ceiling10k: RunningServer;
  folio1M: RunningServer;
  ceiling1M: RunningServer;
}

export async function searchPhase(
  servers: SearchServers,
  settings: LoadSettings & { rounds: number },
) {
  const answersDiffer = [
    ...(await differingQueries(servers.folio10k, servers.ceiling10k)).map((n) => `${n} @10k`),
    ...(await differingQueries(servers.folio1M, servers.ceiling1M)).map((n) => `${n} @1M`),
  ];
  const perQuery = {
    "10k": {
      folio: await perQueryMs(servers.folio10k),
      ceiling: await perQueryMs(servers.ceiling10k),
    },
    "1M": {
      folio: await perQueryMs(servers.folio1M),
      ceiling: await perQueryMs(servers.ceiling1M),
    },
  };
  const workload = searchWorkload();
  const [folio10k, ceiling10k] = await pair(
    { server: servers.folio10k, workload, label: "search @10k" },
    { server: servers.ceiling10k, workload, label: "ceiling search @10k" },
    settings,
  );
  const [folio1M, ceiling1M] = await pair(
    { server: servers.folio1M, workload, label: "search @1M" },
    { server: servers.ceiling1M, workload, label: "ceiling search @1M" },
    settings,
  );
  const cpu = (figures: { cpuMsPerRequest?: number }) => figures.cpuMsPerRequest ?? null;
  return {
    connections: 1,
    p50Ms10k: folio10k.p50Ms,
    p99Ms10k: folio10k.p99Ms,
    cpuMsPerQuery10k: cpu(folio10k),
    p50Ms1M: folio1M.p50Ms,
    p99Ms1M: folio1M.p99Ms,
    cpuMsPerQuery1M: cpu(folio1M),
    ceiling: {
      p50Ms10k: ceiling10k.p50Ms,
      p99Ms10k: ceiling10k.p99Ms,
      cpuMsPerQuery10k: cpu(ceiling10k),
      p50Ms1M: ceiling1M.p50Ms,
      p99Ms1M: ceiling1M.p99Ms,
      cpuMsPerQuery1M: cpu(ceiling1M),
    },
    /** Folio's CPU per query over the ceiling's (lower is better). */
    cpuRatio10k: ratio(cpu(folio10k) ?? 0, cpu(ceiling10k) ?? 0),
    cpuRatio1M: ratio(cpu(folio1M) ?? 0, cpu(ceiling1M) ?? 0),
    perQueryMs: perQuery,
    answersDiffer,
    queries: SEARCH_QUERIES,
    runs: { folio10k, ceiling10k, folio1M, ceiling1M },
  };
}

export type SearchFigures = Awaited<ReturnType<typeof searchPhase>>;
