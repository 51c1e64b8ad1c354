import { changePasswordInput } from "@folio/api/schemas";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { FormError } from "../../components/ui/form-error";
import { SubmitButton } from "../../components/ui/submit-button";
import { TextField } from "../../components/ui/text-field";
import { applyServerErrors } from "../../lib/form-errors";
import { useChangePassword } from "./use-account";

// safeExtend keeps the API schema's own "must differ from the current one" rule.
const changePasswordForm = changePasswordInput
  .safeExtend({ confirmPassword: z.string() })
  .refine((value) => value.newPassword === value.confirmPassword, {
    error: "Passwords do not match",
    path: ["confirmPassword"],
  });

type Values = z.input<typeof changePasswordForm>;
const EMPTY: Values = { currentPassword: "", newPassword: "", confirmPassword: "" };

export function ChangePasswordForm({ username }: { username: string }) {
  const change = useChangePassword();
  const { register, handleSubmit, setError, reset, formState } = useForm<
    Values,
    unknown,
    z.output<typeof changePasswordForm>
  >({ resolver: zodResolver(changePasswordForm), defaultValues: EMPTY });
  const { errors } = formState;

  const onSubmit = handleSubmit(({ confirmPassword: _, ...input }) =>
    change
      .mutateAsync(input)
      .then(() => reset(EMPTY))
      .catch((error: unknown) =>
        applyServerErrors(error, setError, ["currentPassword", "newPassword"]),
      ),
  );

  return (
    <section aria-labelledby="password-heading" className="mb-5">
      <h2 id="password-heading" className="h4">
        Change password
      </h2>
      <form onSubmit={onSubmit} noValidate>
        {/* Tells password managers which account the new password belongs to. */}
        <input
          type="text"
          name="username"
          autoComplete="username"
          value={username}
          readOnly
          hidden
        />
        <FormError message={errors.root?.server?.message} />
        {change.isSuccess && !formState.isDirty ? (
          <div className="alert alert-success" role="status">
            Your password is changed. Other devices have been logged out.
          </div>
        ) : null}
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          registration={register("currentPassword")}
          error={errors.currentPassword?.message}
        />
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
        <SubmitButton pending={change.isPending}>Change password</SubmitButton>
      </form>
    </section>
  );
}
