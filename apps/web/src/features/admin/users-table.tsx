import type { PrivateUser } from "@folio/api";
import type { AdminUser } from "./use-admin";
import { type AdminAction, UserRow } from "./user-row";

interface UsersTableProps {
  users: AdminUser[];
  /** The search the list answers, for its caption. */
  query: string;
  viewer: PrivateUser;
  busy: boolean;
  onAction: (action: AdminAction) => void;
}

/** The accounts as a table (a row per account, its name as the row header). */
export function UsersTable({ users, query, viewer, busy, onAction }: UsersTableProps) {
  return (
    <div className="table-responsive mb-3">
      <table className="table align-middle">
        <caption className="visually-hidden">
          {query ? `Accounts matching “${query}”` : "Accounts, newest first"}
        </caption>
        <thead>
          <tr>
            <th scope="col">User</th>
            <th scope="col">Role</th>
            <th scope="col">State</th>
            <th scope="col" className="text-end">
              Posts
            </th>
            <th scope="col">Last seen</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <UserRow key={user.id} user={user} viewer={viewer} busy={busy} onAction={onAction} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
