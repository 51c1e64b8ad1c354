import { resetPasswordInput } from "@folio/api/schemas";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { Link, useNavigate } from "react-router";
import { z } from "zod";
import { FormError } from "../../components/ui/form-error";
import { SubmitButton } from "../../components/ui/submit-button";
import { TextField } from "../../components/ui/text-field";
import { serverFieldErrors } from "../../lib/api-errors";
import { authStore } from "../../lib/auth-store";
import { applyServerErrors } from "../../lib/form-errors";
import { withNotice } from "../../lib/notice";
import { trpc } from "../../lib/trpc";
import { usePageTitle } from "../../lib/use-page-title";
import { useLinkToken } from "./use-link-token";

// The API's own rules (the token and the new password) plus a confirmation field.
const resetForm = resetPasswordInput
  .safeExtend({ confirmPassword: z.string() })
  .refine((value) => value.newPassword === value.confirmPassword, {
    error: "Passwords do not match",
    path: ["confirmPassword"],
  });

type Values = z.input<typeof resetForm>;

function BadLink({ message }: { message: string }) {
  return (
    <div className="alert alert-danger" role="alert">
      <p>{message}</p>
      <p className="mb-0">
        <Link className="alert-link" to="/forgot-password">
          Ask for a new link
        </Link>
      </p>
    </div>
  );
}

export function ResetPasswordPage() {
  usePageTitle("Choose a new password");
  const token = useLinkToken();
  const navigate = useNavigate();
  const utils = trpc.useUtils();
  const reset = trpc.auth.resetPassword.useMutation({
    onSuccess: (session) => {
      authStore.signIn(session);
      void utils.invalidate();
      void navigate(
        "/",
        withNotice(
          "Your password is changed and you are logged in. Every other device was logged out.",
        ),
      );
    },
  });
  const { register, handleSubmit, setError, formState } = useForm<
    Values,
    unknown,
    z.output<typeof resetForm>
  >({
    resolver: zodResolver(resetForm),
    defaultValues: { token: token ?? "", newPassword: "", confirmPassword: "" },
  });
  const { errors } = formState;
  const tokenRefused =
    errors.token?.message ?? serverFieldErrors(reset.error).token?.[0] ?? undefined;

  const onSubmit = handleSubmit(({ confirmPassword: _, ...input }) =>
    reset.mutateAsync(input).catch((error: unknown) => {
      applyServerErrors(error, setError, ["token", "newPassword"]);
    }),
  );

  return (
    <div className="row justify-content-center">
      <div className="col-md-6 col-lg-5">
        <h1 className="h2 mb-4">Choose a new password</h1>
        {!token ? (
          <BadLink message="This page needs the link from the reset mail, and this one has no token. Open the link from the mail again, or ask for a new one." />
        ) : (
          <form onSubmit={onSubmit} noValidate>
            {tokenRefused ? <BadLink message={tokenRefused} /> : null}
            <FormError message={errors.root?.server?.message} />
            <TextField
              label="New password"
              type="password"
              autoComplete="new-password"
              hint="At least 8 characters."
              registration={register("newPassword")}
              error={errors.newPassword?.message}
            />
            <TextField
              label="Confirm new password"
              type="password"
              autoComplete="new-password"
              registration={register("confirmPassword")}
              error={errors.confirmPassword?.message}
            />
            <SubmitButton pending={reset.isPending} pendingLabel="Changing…">
              Change password and log in
            </SubmitButton>
          </form>
        )}
      </div>
    </div>
  );
}
