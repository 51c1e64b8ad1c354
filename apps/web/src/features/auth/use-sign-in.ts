// Login and registration: both end in a Session that is stored, then the person goes back
// to where they came from (`?next=`, same-site paths only).
import type { Session } from "@folio/api";
import { useNavigate, useSearchParams } from "react-router";
import { OWN_AUTH_ERRORS } from "../../lib/api-errors";
import { authStore } from "../../lib/auth-store";
import { safeNextPath } from "../../lib/safe-next";
import { trpc } from "../../lib/trpc";

export function useNextPath(): string {
  const [params] = useSearchParams();
  return safeNextPath(params.get("next"));
}

function useStartSession() {
  const utils = trpc.useUtils();
  const navigate = useNavigate();
  const next = useNextPath();
  return (session: Session) => {
    authStore.signIn(session);
    void utils.invalidate();
    void navigate(next, { replace: true });
  };
}

export function useLogin() {
  const startSession = useStartSession();
  return trpc.auth.login.useMutation({ meta: OWN_AUTH_ERRORS, onSuccess: startSession });
}

export function useRegister() {
  const startSession = useStartSession();
  return trpc.auth.register.useMutation({ onSuccess: startSession });
}
