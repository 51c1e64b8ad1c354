// The admin activity page's calls: every security event (filtered), and finding an account to
// filter by.
import type { AuditAction } from "@folio/api";
import { trpc } from "../../lib/trpc";

const PAGE_SIZE = 25;

export interface AuditFilters {
  userId?: number | undefined;
  action?: AuditAction | undefined;
}

export function useAuditLog(filters: AuditFilters) {
  return trpc.admin.audit.useInfiniteQuery(
    { ...filters, limit: PAGE_SIZE },
    { getNextPageParam: (page) => page.nextCursor },
  );
}

/** Accounts whose username or email contains `query` (nothing is asked for an empty one). */
export function useAccountSearch(query: string) {
  return trpc.admin.users.useQuery({ query, limit: 10 }, { enabled: query.trim().length > 0 });
}
