import { type RequestPasswordResetInput, requestPasswordResetInput } from "@folio/api/schemas";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { Link } from "react-router";
import type { z } from "zod";
import { FormError } from "../../components/ui/form-error";
import { SubmitButton } from "../../components/ui/submit-button";
import { TextField } from "../../components/ui/text-field";
import { applyServerErrors } from "../../lib/form-errors";
import { trpc } from "../../lib/trpc";
import { usePageTitle } from "../../lib/use-page-title";

export function ForgotPasswordPage() {
  usePageTitle("Forgot your password?");
  const request = trpc.auth.requestPasswordReset.useMutation();
  const { register, handleSubmit, setError, getValues, formState } = useForm<
    RequestPasswordResetInput,
    unknown,
    z.output<typeof requestPasswordResetInput>
  >({ resolver: zodResolver(requestPasswordResetInput), defaultValues: { email: "" } });
  const { errors } = formState;

  const onSubmit = handleSubmit((values) =>
    request.mutateAsync(values).catch((error: unknown) => {
      applyServerErrors(error, setError, ["email"]);
    }),
  );

  return (
    <div className="row justify-content-center">
      <div className="col-md-6 col-lg-5">
        <h1 className="h2 mb-4">Forgot your password?</h1>
        {request.isSuccess ? (
          // The same words whether or not an account uses the address: nothing to learn here.
          <div className="alert alert-success" role="status">
            <p>
              If an account uses <strong>{getValues("email").trim()}</strong>, we have sent a link
              to it. Open it within an hour to choose a new password.
            </p>
            <p className="mb-0">No mail? Check your spam folder, or ask again in a few minutes.</p>
          </div>
        ) : (
          <form onSubmit={onSubmit} noValidate>
            <p>
              Enter the email address of your account and we will mail you a link to choose a new
              password.
            </p>
            <FormError message={errors.root?.server?.message} />
            <TextField
              label="Email"
              type="email"
              autoComplete="email"
              registration={register("email")}
              error={errors.email?.message}
            />
            <SubmitButton pending={request.isPending} pendingLabel="Sending…">
              Send me a link
            </SubmitButton>
          </form>
        )}
        <p className="mt-4">
          Remembered it? <Link to="/login">Log in</Link>
        </p>
      </div>
    </div>
  );
}
