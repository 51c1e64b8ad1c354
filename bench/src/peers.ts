// The peer rows: the same router on tRPC's stock adapters (peer-server.ts), measured in the same
// run as Folio and the ceiling.
export const PEER_ADAPTERS = ["fastifyAdapter", "standalone"] as const;
export type PeerAdapter = (typeof PEER_ADAPTERS)[number];

export interface PeerFigures {
  rps: number;
  cpuMsPerRequest: number | null;
  /** Folio's req/s over this adapter's: above 1, Folio serves more on the same machine. */
  ratio: number;
}
