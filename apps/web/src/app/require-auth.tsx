import type { ReactNode } from "react";
import { Navigate, useLocation, useNavigation } from "react-router";
import { loginPathFor } from "../lib/safe-next";
import { useAuth } from "../lib/use-auth";

/** Pages for logged-in people: anyone else goes to the login page and comes back after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useAuth();
  const location = useLocation();
  const navigation = useNavigation();
  if (!session) {
    // Already leaving (e.g. to the login page with a "session ended" notice, see app.tsx):
    // a redirect of our own would replace that navigation and drop its notice.
    if (navigation.state !== "idle") return null;
    return <Navigate to={loginPathFor(location.pathname + location.search)} replace />;
  }
  return children;
}
