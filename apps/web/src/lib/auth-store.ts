// Who is logged in: the access token and the Session's user, kept in localStorage.
// An external store (not React state) because the tRPC link and the QueryClient's error
// handlers, which live outside React, must read and clear it too.
import type { PrivateUser, Session } from "@folio/api";

export interface StoredSession {
  token: string;
  user: PrivateUser;
}

const TOKEN_KEY = "folio.token";
const USER_KEY = "folio.user";
const listeners = new Set<() => void>();
let current: StoredSession | null = read();

function read(): StoredSession | null {
  try {
    const token = localStorage.getItem(TOKEN_KEY);
    const user = localStorage.getItem(USER_KEY);
    if (!token || !user) return null;
    return { token, user: JSON.parse(user) as PrivateUser };
  } catch {
    return null;
  }
}

function write(next: StoredSession | null): void {
  if (next) {
    localStorage.setItem(TOKEN_KEY, next.token);
    localStorage.setItem(USER_KEY, JSON.stringify(next.user));
  } else {
    localStorage.removeItem(TOKEN_KEY);
    localStorage.removeItem(USER_KEY);
  }
  current = next;
  for (const listener of listeners) listener();
}

export const authStore = {
  get: (): StoredSession | null => current,
  token: (): string | null => current?.token ?? null,
  signIn: (session: Session): void => write({ token: session.accessToken, user: session.user }),
  updateUser: (user: PrivateUser): void => {
    if (current) write({ ...current, user });
  },
  clear: (): void => write(null),
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

// Another tab logged in or out: follow it, so this tab never acts under a stale identity.
window.addEventListener("storage", (event) => {
  if (event.key === TOKEN_KEY || event.key === USER_KEY || event.key === null) {
    current = read();
    for (const listener of listeners) listener();
  }
});
