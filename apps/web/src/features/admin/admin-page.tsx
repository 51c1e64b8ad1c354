// The admin area (admins and the owner): accounts found by part of a username or email, each
// with its role, state and actions. Every action asks first; the server decides, and a 403 for
// the list itself (a role taken away since the last click) says so.
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { NoAccess } from "../../components/ui/no-access";
import { PagedList } from "../../components/ui/paged-list";
import { errorCode, serverFieldErrors } from "../../lib/api-errors";
import { useAuth } from "../../lib/use-auth";
import { usePageTitle } from "../../lib/use-page-title";
import { ROLE_LABELS } from "./roles";
import { TransferOwnershipDialog } from "./transfer-ownership-dialog";
import {
  useAdminUsers,
  useDeleteUser,
  useSetRole,
  useSuspend,
  useTransferOwnership,
  useUnsuspend,
} from "./use-admin";
import { UserActionDialog } from "./user-action-dialog";
import type { AdminAction } from "./user-row";
import { UserSearch } from "./user-search";
import { UsersTable } from "./users-table";

export function AdminPage() {
  usePageTitle("Admin");
  const session = useAuth();
  const [params, setParams] = useSearchParams();
  const query = params.get("q") ?? "";
  const users = useAdminUsers(query);
  const mutations = {
    role: useSetRole(),
    suspend: useSuspend(),
    unsuspend: useUnsuspend(),
    delete: useDeleteUser(),
  };
  const transfer = useTransferOwnership();
  const [action, setAction] = useState<AdminAction | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (errorCode(users.error) === "FORBIDDEN") {
    return <NoAccess what="the admin area" who="admins and the site's owner" />;
  }
  if (!session) return null;
  const searchError = serverFieldErrors(users.error).query?.[0];
  const confirmed = action && action.kind !== "transfer" ? action : null;
  const running = confirmed ? mutations[confirmed.kind] : null;
  const busy = Object.values(mutations).some((m) => m.isPending) || transfer.isPending;

  const open = (next: AdminAction) => {
    for (const mutation of [...Object.values(mutations), transfer]) mutation.reset();
    setNotice(null);
    setAction(next);
  };
  const finish = (text: string) => {
    setAction(null);
    setNotice(text);
  };
  const confirm = () => {
    if (!confirmed) return;
    const { user } = confirmed;
    if (confirmed.kind === "role") {
      mutations.role.mutate(
        { userId: user.id, role: confirmed.role },
        {
          onSuccess: () => finish(`${user.username} is now ${ROLE_LABELS[confirmed.role]}.`),
        },
      );
    } else {
      const { kind } = confirmed;
      mutations[kind].mutate(
        { userId: user.id },
        { onSuccess: () => finish(NOTICES[kind](user.username)) },
      );
    }
  };

  return (
    <div>
      <div className="d-flex flex-wrap align-items-baseline justify-content-between gap-2 mb-4">
        <h1 className="h2 mb-0">Admin</h1>
        <Link to="/admin/activity">Security activity of every account</Link>
      </div>
      <h2 className="h4">Users</h2>
      <UserSearch
        query={query}
        serverError={searchError}
        onSearch={(next) => setParams(next ? { q: next } : {})}
      />
      {notice ? (
        <div className="alert alert-success" role="status">
          {notice}
        </div>
      ) : null}
      {searchError ? null : (
        <PagedList
          query={users}
          loadingLabel="Loading accounts…"
          errorTitle="Couldn't load the accounts."
          moreErrorTitle="Couldn't load more accounts."
          empty={
            <p className="lead text-body-secondary py-4">
              {query ? `No account matches “${query}”.` : "No accounts yet."}
            </p>
          }
        >
          {(items) => (
            <UsersTable
              users={items}
              query={query}
              viewer={session.user}
              busy={busy}
              onAction={open}
            />
          )}
        </PagedList>
      )}
      <UserActionDialog
        action={confirmed}
        pending={running?.isPending ?? false}
        error={running?.error ?? null}
        onConfirm={confirm}
        onClose={() => setAction(null)}
      />
      <TransferOwnershipDialog
        target={action?.kind === "transfer" ? action.user : null}
        ownUsername={session.user.username}
        pending={transfer.isPending}
        onTransfer={(currentPassword) => {
          if (action?.kind !== "transfer") return Promise.resolve();
          const { user } = action;
          return transfer
            .mutateAsync({ userId: user.id, currentPassword })
            .then(() => finish(`${user.username} is now the owner. You are an admin.`));
        }}
        onClose={() => setAction(null)}
      />
    </div>
  );
}

const NOTICES = {
  suspend: (name: string) => `${name} is suspended and signed out everywhere.`,
  unsuspend: (name: string) => `${name} can log in again.`,
  delete: (name: string) => `${name}'s account is deleted.`,
};
