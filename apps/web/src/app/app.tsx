import { QueryClientProvider } from "@tanstack/react-query";
import { getQueryKey } from "@trpc/react-query";
import { RouterProvider } from "react-router/dom";
import { authStore } from "../lib/auth-store";
import { withNotice } from "../lib/notice";
import { loginPathFor } from "../lib/safe-next";
import { createTrpcClient, trpc } from "../lib/trpc";
import { createQueryClient } from "./query-client";
import { router } from "./router";

/** The session is gone (expired, revoked, user deleted): forget it and ask to log in again. */
function handleUnauthorized(): void {
  const wasLoggedIn = authStore.get() !== null;
  const forget = () => {
    authStore.clear();
    // Another user's data must not outlive their session.
    queryClient.clear();
  };
  // Several protected queries fail at once when a session ends; the first one redirects.
  // A second navigation would supersede it, and forgetting the session early would let a
  // guarded page redirect on its own, both dropping the notice.
  if (router.state.navigation.location?.pathname === "/login") return;
  const { pathname, search } = router.state.location;
  if (pathname === "/login") {
    forget();
    return;
  }
  const notice = wasLoggedIn ? "Your session has ended. Please log in again." : "Please log in.";
  // Forgotten once the login page shows (flushSync: rendered now, not in a transition);
  // earlier, a guarded page would redirect on its own and drop the notice.
  void router
    .navigate(loginPathFor(pathname + search), {
      replace: true,
      flushSync: true,
      ...withNotice(notice),
    })
    .then(forget);
}

/** A refusal may mean the role changed: ask who we are again (see current-user-refresh.ts). */
function handleForbidden(): void {
  void queryClient.invalidateQueries({ queryKey: getQueryKey(trpc.user.me) });
}

const queryClient = createQueryClient({
  onUnauthorized: handleUnauthorized,
  onForbidden: handleForbidden,
});
const trpcClient = createTrpcClient();

export function App() {
  return (
    <trpc.Provider client={trpcClient} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </trpc.Provider>
  );
}
