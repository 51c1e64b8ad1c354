// One account in the admin table: who, role (a picker, where it may change), state, posts,
// last seen, and the actions the viewer's role allows on it. Each action asks first (see
// admin-page.tsx); the server decides.

import type { PrivateUser } from "@folio/api";
import { ASSIGNABLE_ROLES, type Role } from "@folio/api/policy";
import { useId } from "react";
import { FormattedDate } from "../../components/ui/formatted-date";
import { ROLE_LABELS } from "./roles";
import type { AdminUser } from "./use-admin";

/** What an admin confirms in a plain dialog. */
export type ConfirmedAction =
  | { kind: "role"; user: AdminUser; role: Exclude<Role, "owner"> }
  | { kind: "suspend" | "unsuspend" | "delete"; user: AdminUser };

export type AdminAction = ConfirmedAction | { kind: "transfer"; user: AdminUser };

interface UserRowProps {
  user: AdminUser;
  viewer: PrivateUser;
  busy: boolean;
  onAction: (action: AdminAction) => void;
}

export function UserRow({ user, viewer, busy, onAction }: UserRowProps) {
  const nameId = useId();
  const self = user.id === viewer.id;
  // Nobody acts on their own account here, nor on the owner's (API.md "Roles").
  const actionable = !self && user.role !== "owner";
  const mayTransfer = viewer.role === "owner" && user.role === "admin" && !user.suspended;
  const button = "btn btn-sm";

  return (
    <tr>
      <th scope="row" className="fw-normal">
        <span id={nameId} className="fw-semibold text-break">
          {user.username}
        </span>
        {self ? <span className="text-body-secondary"> (you)</span> : null}
        <div className="small text-body-secondary text-break">{user.email}</div>
      </th>
      <td>
        {actionable ? (
          <select
            className="form-select form-select-sm w-auto"
            aria-label={`Role of ${user.username}`}
            value={user.role}
            disabled={busy}
            onChange={(event) =>
              onAction({
                kind: "role",
                user,
                role: event.target.value as Exclude<Role, "owner">,
              })
            }
          >
            {ASSIGNABLE_ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        ) : (
          ROLE_LABELS[user.role]
        )}
      </td>
      <td>
        {user.suspended ? (
          <span className="badge text-bg-danger">Suspended</span>
        ) : (
          <span className="badge text-bg-success">Active</span>
        )}
      </td>
      <td className="text-end">{user.postCount}</td>
      <td className="small">
        {user.lastSeenAt ? <FormattedDate iso={user.lastSeenAt} /> : "Never"}
      </td>
      <td>
        <div className="d-flex flex-wrap gap-2">
          {actionable && user.suspended ? (
            <button
              type="button"
              className={`${button} btn-outline-secondary`}
              disabled={busy}
              aria-describedby={nameId}
              onClick={() => onAction({ kind: "unsuspend", user })}
            >
              Unsuspend
            </button>
          ) : null}
          {actionable && !user.suspended ? (
            <button
              type="button"
              className={`${button} btn-outline-secondary`}
              disabled={busy}
              aria-describedby={nameId}
              onClick={() => onAction({ kind: "suspend", user })}
            >
              Suspend
            </button>
          ) : null}
          {actionable ? (
            <button
              type="button"
              className={`${button} btn-outline-danger`}
              disabled={busy}
              aria-describedby={nameId}
              onClick={() => onAction({ kind: "delete", user })}
            >
              Delete
            </button>
          ) : null}
          {mayTransfer ? (
            <button
              type="button"
              className={`${button} btn-outline-primary`}
              disabled={busy}
              aria-describedby={nameId}
              onClick={() => onAction({ kind: "transfer", user })}
            >
              Transfer ownership
            </button>
          ) : null}
        </div>
      </td>
    </tr>
  );
}
