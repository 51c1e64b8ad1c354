// The admin area's calls: the accounts (searched, page by page) and what an admin does to one.
// Every success reads the list again; deleting an account or handing over ownership changes
// more (posts gone, the caller's own role), so those read everything again.
import type { RouterOutputs } from "@folio/api";
import { trpc } from "../../lib/trpc";

export type AdminUser = RouterOutputs["admin"]["users"]["items"][number];

export function useAdminUsers(query: string) {
  return trpc.admin.users.useInfiniteQuery(
    { query: query || undefined, limit: 20 },
    { getNextPageParam: (page) => page.nextCursor },
  );
}

export function useSetRole() {
  const utils = trpc.useUtils();
  return trpc.admin.setRole.useMutation({ onSuccess: () => utils.admin.users.invalidate() });
}

export function useSuspend() {
  const utils = trpc.useUtils();
  return trpc.admin.suspend.useMutation({ onSuccess: () => utils.admin.users.invalidate() });
}

export function useUnsuspend() {
  const utils = trpc.useUtils();
  return trpc.admin.unsuspend.useMutation({ onSuccess: () => utils.admin.users.invalidate() });
}

export function useDeleteUser() {
  const utils = trpc.useUtils();
  return trpc.admin.deleteUser.useMutation({ onSuccess: () => utils.invalidate() });
}

export function useTransferOwnership() {
  const utils = trpc.useUtils();
  return trpc.admin.transferOwnership.useMutation({ onSuccess: () => utils.invalidate() });
}
