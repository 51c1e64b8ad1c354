// The load driver: autocannon in this process against a server in another one, on loopback.
import autocannon from "autocannon";

export interface LoadSettings {
  /** Seconds of measured load per run. */
  duration: number;
  /** Seconds of unmeasured load just before, so JIT and caches are warm. */
  warmup: number;
  connections: number;
}

/** One workload as autocannon options, minus the target and the timing. */
export type Workload = Pick<
  autocannon.Options,
  "method" | "headers" | "body" | "requests" | "connections"
> & { path: string };

export interface LoadResult {
  /** Completed requests per second over the measured run. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Non-2xx answers plus socket errors and timeouts: any of them flags the run. */
  errors: number;
  requests: number;
  /** Server CPU time per completed request (user + system), when the server was watched. */
  cpuMsPerRequest?: number;
}

/** Something whose CPU use can be read: the server under test. */
export interface CpuWatch {
  cpuSeconds(): number;
}

function options(baseUrl: string, workload: Workload, seconds: number, connections: number) {
  const { path, ...rest } = workload;
  return {
    url: baseUrl + path,
    connections,
    ...rest,
    duration: seconds,
    timeout: 10,
  } satisfies autocannon.Options;
}

export async function runLoad(
  baseUrl: string,
  workload: Workload,
  settings: LoadSettings,
  watch?: CpuWatch,
): Promise<LoadResult> {
  const connections = workload.connections ?? settings.connections;
  if (settings.warmup > 0) {
    await autocannon(options(baseUrl, workload, settings.warmup, connections));
  }
  const cpuBefore = watch?.cpuSeconds();
  const result = await autocannon(options(baseUrl, workload, settings.duration, connections));
  const cpuSeconds = watch && cpuBefore !== undefined ? watch.cpuSeconds() - cpuBefore : undefined;
  return {
    ...(cpuSeconds !== undefined && result.requests.total > 0
      ? { cpuMsPerRequest: Math.round((cpuSeconds / result.requests.total) * 1e5) / 100 }
      : {}),
    rps: Math.round(result.requests.total / result.duration),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.non2xx + result.errors,
    requests: result.requests.total,
  };
}

/** Runs two loads at once (e.g. the feed while logins hammer the server). */
export async function runConcurrently(
  baseUrl: string,
  measured: Workload,
  background: Workload,
  settings: LoadSettings,
): Promise<{ measured: LoadResult; background: LoadResult }> {
  const [first, second] = await Promise.all([
    runLoad(baseUrl, measured, settings),
    runLoad(baseUrl, background, settings),
  ]);
  return { measured: first, background: second };
}

/** Several runs of one server as one figure: total throughput, mean latency percentiles. */
export type Combined = LoadResult & { runs: LoadResult[] };

export function combine(runs: LoadResult[]): Combined {
  const mean = (pick: (run: LoadResult) => number) =>
    Math.round((runs.reduce((sum, run) => sum + pick(run), 0) / runs.length) * 100) / 100;
  const cpu = runs.filter((run) => run.cpuMsPerRequest !== undefined);
  return {
    ...(cpu.length > 0
      ? {
          cpuMsPerRequest:
            Math.round(
              (cpu.reduce((sum, run) => sum + (run.cpuMsPerRequest ?? 0), 0) / cpu.length) * 100,
            ) / 100,
        }
      : {}),
    rps: Math.round(mean((run) => run.rps)),
    p50Ms: mean((run) => run.p50Ms),
    p99Ms: mean((run) => run.p99Ms),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    requests: runs.reduce((sum, run) => sum + run.requests, 0),
    runs,
  };
}
