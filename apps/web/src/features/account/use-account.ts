// The account's calls. Anything that ends the session (log out, log out everywhere, delete)
// leaves the account page first, then forgets the token and every cached answer.
import type { PrivateUser, Session } from "@folio/api";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { OWN_AUTH_ERRORS } from "../../lib/api-errors";
import { authStore } from "../../lib/auth-store";
import { withNotice } from "../../lib/notice";
import { trpc } from "../../lib/trpc";

export function useMe() {
  return trpc.user.me.useQuery();
}

export function useEndSession() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return async (notice: string) => {
    // flushSync: the account page is gone before the session is, so its guard does not
    // bounce to the login page in between.
    await navigate("/", { ...withNotice(notice), flushSync: true });
    authStore.clear();
    queryClient.clear();
  };
}

export function useUpdateProfile() {
  const utils = trpc.useUtils();
  return trpc.user.update.useMutation({
    onSuccess: (user: PrivateUser) => {
      authStore.updateUser(user);
      return utils.invalidate();
    },
  });
}

export function useChangePassword() {
  const utils = trpc.useUtils();
  return trpc.user.changePassword.useMutation({
    // Every session ended, this one's too: store the new token before anything refetches.
    onSuccess: (session: Session) => {
      authStore.signIn(session);
      return utils.invalidate();
    },
  });
}

/** Ends this session on the server, then forgets the token even if that call failed. */
export function useLogout() {
  const endSession = useEndSession();
  // An UNAUTHORIZED here (the session had already ended) is no reason for the login redirect.
  const logout = trpc.auth.logout.useMutation({ meta: OWN_AUTH_ERRORS });
  return {
    isPending: logout.isPending,
    run: async () => {
      await logout.mutateAsync().catch(() => undefined);
      await endSession("You are logged out.");
    },
  };
}

export function useSessions() {
  return trpc.user.sessions.useQuery();
}

/** Ending sessions changes the list of devices and adds to the security activity. */
function useSessionsChanged() {
  const utils = trpc.useUtils();
  return () => Promise.all([utils.user.sessions.invalidate(), utils.user.activity.invalidate()]);
}

export function useSignOutDevice() {
  const changed = useSessionsChanged();
  return trpc.auth.endSession.useMutation({ onSettled: changed });
}

export function useLogoutOthers() {
  const changed = useSessionsChanged();
  return trpc.auth.logoutOthers.useMutation({ onSettled: changed });
}

const ACTIVITY_PAGE_SIZE = 10;

/** The account's security events, newest first, a page at a time. */
export function useActivity() {
  return trpc.user.activity.useInfiniteQuery(
    { limit: ACTIVITY_PAGE_SIZE },
    { getNextPageParam: (page) => page.nextCursor },
  );
}

export function useLogoutAll() {
  const endSession = useEndSession();
  return trpc.auth.logoutAll.useMutation({
    onSuccess: () => endSession("You are logged out on every device."),
  });
}

export function useDeleteAccount() {
  const endSession = useEndSession();
  return trpc.user.delete.useMutation({
    onSuccess: () => endSession("Your account and all your posts were deleted."),
  });
}
