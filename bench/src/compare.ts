// Folio against the ceiling (and the peers), workload by workload. Runs alternate (Folio,
// ceiling, peers, then the reverse order, …) so that a burst of noise from other processes on the
// shared cores lands on every side instead of on whichever happened to run during it.
import {
  type Combined,
  combine,
  type LoadResult,
  type LoadSettings,
  runLoad,
  type Workload,
} from "./load.js";
import type { PeerAdapter, PeerFigures } from "./peers.js";
import { ratio, type WorkloadFigures } from "./report.js";
import type { RunningServer } from "./server-process.js";

function flag(result: LoadResult): string {
  return result.errors > 0 ? `  ${result.errors} ERRORS` : "";
}

export interface Peer {
  adapter: PeerAdapter;
  server: RunningServer;
}

export interface Compared {
  figures: WorkloadFigures;
  peers: Partial<Record<PeerAdapter, PeerFigures & { errors: number }>>;
}

export async function compareWorkload(
  workload: Workload,
  folio: RunningServer,
  ceiling: RunningServer,
  peers: readonly Peer[],
  settings: LoadSettings & { rounds: number },
): Promise<Compared> {
  const [folioFigures, ceilingFigures, ...peerFigures] = await alternate(
    [
      { server: folio, workload },
      { server: ceiling, workload },
      ...peers.map((peer) => ({ server: peer.server, workload })),
    ],
    settings,
  );
  if (!folioFigures || !ceilingFigures) throw new Error("alternate() lost a side");
  const folioCpu = folioFigures.cpuMsPerRequest ?? 0;
  return {
    figures: {
      folio: folioFigures,
      ceiling: ceilingFigures,
      ratio: ratio(folioFigures.rps, ceilingFigures.rps),
      cpuRatio: ratio(folioCpu, ceilingFigures.cpuMsPerRequest ?? 0),
    },
    peers: Object.fromEntries(
      peers.map((peer, i) => {
        const figures = peerFigures[i] as Combined;
        return [
          peer.adapter,
          {
            rps: figures.rps,
            cpuMsPerRequest: figures.cpuMsPerRequest ?? null,
            ratio: ratio(folioFigures.rps, figures.rps),
            errors: figures.errors,
          },
        ];
      }),
    ),
  };
}

export interface Side {
  server: RunningServer;
  workload: Workload;
  label?: string;
}

/**
 * Sides measured in alternation (in order, then in reverse order, …); one figure per side over
 * all rounds, in the order given.
 */
export async function alternate(
  sides: readonly Side[],
  settings: LoadSettings & { rounds: number },
): Promise<Combined[]> {
  const runs = sides.map((): LoadResult[] => []);
  const order = sides.map((_, i) => i);
  for (let round = 0; round < settings.rounds; round++) {
    for (const i of round % 2 === 0 ? order : [...order].reverse()) {
      const side = sides[i] as Side;
      const result = await runLoad(side.server.url, side.workload, settings, side.server);
      runs[i]?.push(result);
      const label = (side.label ?? side.server.name).padEnd(20);
      console.log(
        `  ${label} ${String(result.rps).padStart(6)} req/s  p50 ${result.p50Ms} ms  p99 ${result.p99Ms} ms  ${result.cpuMsPerRequest ?? "?"} ms CPU/req${flag(result)}`,
      );
    }
  }
  return runs.map(combine);
}

/** Two sides in alternation (ABBA…). */
export async function pair(
  first: Side,
  second: Side,
  settings: LoadSettings & { rounds: number },
): Promise<[Combined, Combined]> {
  const [a, b] = await alternate([first, second], settings);
  if (!a || !b) throw new Error("alternate() lost a side");
  return [a, b];
}
