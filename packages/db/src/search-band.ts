// What both dialects' band rankings share (ADR 022): the candidate cut as SQL over the `band`
// table of the ranking query, and the reading of its rows back into a BandRanking.
import { type RawBuilder, sql } from "kysely";
import type { BandRanking, BandRankRequest } from "./search-query.js";

/**
 * The score of the `candidates`-th best hit of the band after `after`'s score, or null (no cut:
 * every hit of the band is a candidate). Hits scoring at least that, ties included, are the only
 * ones joined with their posts; a page among them is exact unless invisible posts or hits before
 * the cursor took its places, and then search.ts asks again with no cut.
 */
export function candidateThreshold({
  after,
  candidates,
}: Pick<BandRankRequest, "after" | "candidates">): RawBuilder<number | null> {
  if (candidates === null) return sql<number | null>`cast(null as double precision)`;
  const notBefore = after ? sql`where "band"."score" <= ${after.score}` : sql``;
  const offset = candidates - 1;
  return sql<
    number | null
  >`(select "band"."score" from "band" ${notBefore} order by "band"."score" desc limit 1 offset ${offset})`;
}

/** What a band ranking selects: the band's edges (`edge`) beside each hit of the page (`hit`). */
export const BAND_RANKING_COLUMNS = [
  "edge.lowest_id",
  "edge.size",
  "edge.threshold",
  "hit.id",
  "hit.published_at",
  "hit.score",
] as const;

export interface BandRankingRow {
  lowest_id: number | null;
  size: number | string | bigint;
  threshold: number | null;
  id: number | null;
  published_at: Date | string | null;
  score: number | null;
}

/** The rows of a band ranking (one per hit, each with the band's edges; one row if none). */
export function bandRankingOf(rows: BandRankingRow[]): BandRanking {
  const edge = rows[0];
  return {
    hits: rows.flatMap(({ id, score, published_at }) =>
      id === null || score === null ? [] : [{ id, score, published_at }],
    ),
    lowestId: edge?.lowest_id ?? null,
    size: Number(edge?.size ?? 0),
    cut: edge?.threshold !== null && edge?.threshold !== undefined,
  };
}
