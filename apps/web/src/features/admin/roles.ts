// The roles in words, for the role picker and its confirmation.
import type { Role } from "@folio/api/policy";

export const ROLE_LABELS: Record<Role, string> = {
  reader: "Reader",
  contributor: "Contributor",
  author: "Author",
  editor: "Editor",
  admin: "Admin",
  owner: "Owner",
};

export const ROLE_POWERS: Record<Role, string> = {
  reader: "can read and comment, but not write posts",
  contributor: "can write drafts and submit them for review, but not publish",
  author: "can write, publish and schedule their own posts",
  editor: "can also review, edit, publish and unpublish anyone's posts",
  admin: "can also manage accounts: roles, suspension and deletion",
  owner: "can do everything, including handing over ownership",
};
