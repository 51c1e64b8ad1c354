// The page's filters live in the URL (?user=<id>&action=<action>), so a filtered view can be
// bookmarked, shared and reloaded. Anything else in the URL is ignored.
import { AUDIT_ACTIONS, type AuditAction } from "@folio/api/schemas";
import type { AuditFilters } from "./use-audit";

export function filtersFromSearch(search: URLSearchParams): AuditFilters {
  const user = search.get("user") ?? "";
  const action = search.get("action") ?? "";
  const userId = /^[1-9]\d{0,15}$/.test(user) ? Number(user) : undefined;
  const known = (AUDIT_ACTIONS as readonly string[]).includes(action);
  return {
    ...(userId !== undefined && Number.isSafeInteger(userId) ? { userId } : {}),
    ...(known ? { action: action as AuditAction } : {}),
  };
}

export function searchFromFilters(filters: AuditFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.userId !== undefined) search.set("user", String(filters.userId));
  if (filters.action !== undefined) search.set("action", filters.action);
  return search;
}
