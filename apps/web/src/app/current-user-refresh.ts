// Keeps the stored user, and so the role that the navbar and every page go by, in step with the
// server: user.me is asked again on each navigation and whenever the window regains focus (and
// after any FORBIDDEN, see app.tsx). When the role changed, every cached answer is dropped, so
// a demoted editor loses the review queue on the next click. The server still decides each call.
import type { PrivateUser } from "@folio/api";
import { useEffect, useRef } from "react";
import { useLocation } from "react-router";
import { authStore } from "../lib/auth-store";
import { trpc } from "../lib/trpc";
import { useAuth } from "../lib/use-auth";

function differs(stored: PrivateUser, fresh: PrivateUser): boolean {
  return (Object.keys(fresh) as (keyof PrivateUser)[]).some((key) => stored[key] !== fresh[key]);
}

function isUserMe(queryKey: readonly unknown[]): boolean {
  const [path] = queryKey as [string[] | undefined];
  return path?.join(".") === "user.me";
}

export function useCurrentUserRefresh(): void {
  const session = useAuth();
  const { key } = useLocation();
  const utils = trpc.useUtils();
  const me = trpc.user.me.useQuery(undefined, {
    enabled: session !== null,
    staleTime: 0,
    refetchOnWindowFocus: "always",
  });

  const seenKey = useRef(key);
  useEffect(() => {
    if (seenKey.current === key) return;
    seenKey.current = key;
    if (authStore.get()) void utils.user.me.invalidate();
  }, [key, utils]);

  useEffect(() => {
    const stored = authStore.get();
    // Another account's answer (this tab just switched accounts) is never written over it.
    if (!me.data || !stored || stored.user.id !== me.data.id) return;
    if (!differs(stored.user, me.data)) return;
    const roleChanged = stored.user.role !== me.data.role;
    authStore.updateUser(me.data);
    if (roleChanged) {
      void utils.invalidate(undefined, { predicate: (query) => !isUserMe(query.queryKey) });
    }
  }, [me.data, utils]);
}
