// Who sees which posts, decided once: the audience a query reads posts for. Every query that
// reads posts or what hangs on them applies @folio/db's `visibleTo(audience, now)` scope.
import type { PostAudience } from "@folio/db";
import { hasPermission, type Role } from "./roles.js";

export interface Viewer {
  id: number;
  role: Role;
}

/**
 * The audience of a signed-in caller: published posts, their own in any state, and every post
 * for editors and above. Public procedures read for `PUBLIC_AUDIENCE` (null) whoever calls.
 */
export function audienceOf(viewer: Viewer): PostAudience {
  return { userId: viewer.id, seesEveryPost: hasPermission(viewer.role, "post.moderate") };
}
