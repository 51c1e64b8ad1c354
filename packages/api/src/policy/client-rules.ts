// The policy's pure rules, for clients (`@folio/api/policy`): the role table and can(), so the
// SPA offers exactly what the server allows. No server code may be reachable from here.
export { can, type PostAction, type PostFacts } from "./can.js";
export {
  ASSIGNABLE_ROLES,
  hasPermission,
  PERMISSIONS,
  type Permission,
  ROLES,
  type Role,
  roleAtLeast,
} from "./roles.js";
export type { Viewer } from "./visibility.js";
