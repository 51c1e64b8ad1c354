// Folio against the ceiling, workload by workload. Runs alternate (Folio, ceiling, then
// ceiling, Folio, …) so that a burst of noise from other processes on the shared cores lands
// on both sides instead of on whichever happened to run during it.
import {
  type Combined,
  combine,
  type LoadResult,
  type LoadSettings,
  runLoad,
  type Workload,
} from "./load.js";
import { ratio, type WorkloadFigures } from "./report.js";
import type { RunningServer } from "./server-process.js";

function flag(result: LoadResult): string {
  return result.errors > 0 ? `  ${result.errors} ERRORS` : "";
}

export async function compareWorkload(
  workload: Workload,
  folio: RunningServer,
  ceiling: RunningServer,
  settings: LoadSettings & { rounds: number },
): Promise<WorkloadFigures> {
  const [folioFigures, ceilingFigures] = await alternate(
    { server: folio, workload },
    { server: ceiling, workload },
    settings,
  );
  return {
    folio: folioFigures,
    ceiling: ceilingFigures,
    ratio: ratio(folioFigures.rps, ceilingFigures.rps),
  };
}

export interface Side {
  server: RunningServer;
  workload: Workload;
  label?: string;
}

/** Two sides measured in alternation; one figure per side over all rounds. */
export async function alternate(
  first: Side,
  second: Side,
  settings: LoadSettings & { rounds: number },
): Promise<[Combined, Combined]> {
  const runs = new Map<Side, LoadResult[]>([
    [first, []],
    [second, []],
  ]);
  for (let round = 0; round < settings.rounds; round++) {
    for (const side of round % 2 === 0 ? [first, second] : [second, first]) {
      const result = await runLoad(side.server.url, side.workload, settings, side.server);
      runs.get(side)?.push(result);
      const label = (side.label ?? side.server.name).padEnd(20);
      console.log(
        `  ${label} ${String(result.rps).padStart(6)} req/s  p50 ${result.p50Ms} ms  p99 ${result.p99Ms} ms  ${result.cpuMsPerRequest ?? "?"} ms CPU/req${flag(result)}`,
      );
    }
  }
  return [combine(runs.get(first) ?? []), combine(runs.get(second) ?? [])];
}
