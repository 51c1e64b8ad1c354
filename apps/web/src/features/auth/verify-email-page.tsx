import { accountTokenSchema } from "@folio/api/schemas";
import { type ReactNode, useEffect, useRef } from "react";
import { Link } from "react-router";
import { Spinner } from "../../components/ui/spinner";
import { describeError, serverFieldErrors } from "../../lib/api-errors";
import { trpc } from "../../lib/trpc";
import { useAuth } from "../../lib/use-auth";
import { usePageTitle } from "../../lib/use-page-title";
import { useLinkToken } from "./use-link-token";

export function VerifyEmailPage() {
  usePageTitle("Confirm your email address");
  const token = useLinkToken();
  const session = useAuth();
  const utils = trpc.useUtils();
  const verify = trpc.auth.verifyEmail.useMutation({ onSuccess: () => utils.user.me.invalidate() });
  const wellFormed = token !== null && accountTokenSchema.safeParse(token).success;
  // Sent once, even when React runs the effect twice (development's StrictMode).
  const sent = useRef(false);
  useEffect(() => {
    if (!wellFormed || !token || sent.current) return;
    sent.current = true;
    verify.mutate({ token });
  }, [token, wellFormed, verify]);

  const again = session ? (
    <Link className="alert-link" to="/account">
      send a new link from your account page
    </Link>
  ) : (
    <Link className="alert-link" to="/login?next=%2Faccount">
      log in and send a new link from your account page
    </Link>
  );
  let body: ReactNode;
  if (!wellFormed) {
    body = (
      <div className="alert alert-danger" role="alert">
        This link is incomplete. Open it again from the mail, or {again}.
      </div>
    );
  } else if (verify.isSuccess) {
    body = (
      <div className="alert alert-success" role="status">
        Your email address is confirmed. Thank you!{" "}
        {session ? (
          <Link className="alert-link" to="/account">
            Back to your account
          </Link>
        ) : (
          <Link className="alert-link" to="/login">
            Log in
          </Link>
        )}
      </div>
    );
  } else if (verify.isError) {
    const tokenMessage = serverFieldErrors(verify.error).token?.[0];
    body = (
      <div className="alert alert-danger" role="alert">
        {tokenMessage ?? describeError(verify.error)} You can {again}.
      </div>
    );
  } else {
    body = <Spinner label="Confirming your email address…" />;
  }

  return (
    <div className="row justify-content-center">
      <div className="col-md-8 col-lg-6">
        <h1 className="h2 mb-4">Confirm your email address</h1>
        {body}
      </div>
    </div>
  );
}
