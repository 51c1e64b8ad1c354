import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { loginPathFor } from "../lib/safe-next";
import { useAuth } from "../lib/use-auth";

/** Pages for logged-in people: anyone else goes to the login page and comes back after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useAuth();
  const location = useLocation();
  if (!session) {
    return <Navigate to={loginPathFor(location.pathname + location.search)} replace />;
  }
  return children;
}
