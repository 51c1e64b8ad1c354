import { useSyncExternalStore } from "react";
import { authStore, type StoredSession } from "./auth-store";

/** The current session (token and user), re-rendering on login, logout and profile changes. */
export function useAuth(): StoredSession | null {
  return useSyncExternalStore(authStore.subscribe, authStore.get);
}
