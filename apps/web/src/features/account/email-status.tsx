// Whether the account's email address is confirmed, and a way to get a new link when not.
import type { PrivateUser } from "@folio/api";
import { describeError } from "../../lib/api-errors";
import { trpc } from "../../lib/trpc";

export function EmailStatus({ user }: { user: PrivateUser }) {
  const resend = trpc.user.resendVerification.useMutation();
  if (user.emailVerified) {
    return (
      <p className="mb-5">
        <span className="badge text-bg-success">Confirmed</span>{" "}
        <span className="text-break">You have confirmed this email address.</span>
      </p>
    );
  }
  return (
    // No aria-labelledby: the region would then be "labelled" Email address, beside the form's
    // Email field.
    <section className="mb-5">
      <h2 className="h4">
        Email address <span className="badge text-bg-warning">Not confirmed</span>
      </h2>
      <p>
        We sent a link to your email address. Open it to confirm the address; it works for 24 hours.
      </p>
      {resend.isSuccess ? (
        <div className="alert alert-success" role="status">
          We sent a new link. Older links no longer work.
        </div>
      ) : null}
      {resend.isError ? (
        <div className="alert alert-danger" role="alert">
          {describeError(resend.error)}
        </div>
      ) : null}
      <button
        type="button"
        className="btn btn-outline-primary"
        disabled={resend.isPending}
        onClick={() => resend.mutate()}
      >
        {resend.isPending ? (
          <>
            <span className="spinner-border spinner-border-sm me-2" aria-hidden="true" />
            Sending…
          </>
        ) : (
          "Send the link again"
        )}
      </button>
    </section>
  );
}
