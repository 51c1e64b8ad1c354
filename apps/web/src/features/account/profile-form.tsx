import type { PrivateUser } from "@folio/api";
import { type UserUpdateInput, userUpdateInput } from "@folio/api/schemas";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { FormError } from "../../components/ui/form-error";
import { SubmitButton } from "../../components/ui/submit-button";
import { TextField } from "../../components/ui/text-field";
import { applyServerErrors } from "../../lib/form-errors";
import { useUpdateProfile } from "./use-account";

export function ProfileForm({ user }: { user: PrivateUser }) {
  const update = useUpdateProfile();
  const { register, handleSubmit, setError, reset, formState } = useForm<
    UserUpdateInput,
    unknown,
    z.output<typeof userUpdateInput>
  >({
    resolver: zodResolver(userUpdateInput),
    // `id` is no field of the form: it is always the current user's own.
    defaultValues: { id: user.id, username: user.username, email: user.email },
  });
  const { errors } = formState;

  const onSubmit = handleSubmit((values) =>
    update
      .mutateAsync(values)
      .then((saved) => reset({ id: saved.id, username: saved.username, email: saved.email }))
      .catch((error: unknown) => applyServerErrors(error, setError, ["username", "email"])),
  );

  return (
    <section aria-labelledby="profile-heading" className="mb-5">
      <h2 id="profile-heading" className="h4">
        Update profile
      </h2>
      <form onSubmit={onSubmit} noValidate>
        <FormError message={errors.root?.server?.message} />
        {update.isSuccess && !formState.isDirty ? (
          <div className="alert alert-success" role="status">
            Your profile is updated.
          </div>
        ) : null}
        <TextField
          label="Username"
          autoComplete="username"
          registration={register("username")}
          error={errors.username?.message}
        />
        <TextField
          label="Email"
          type="email"
          autoComplete="email"
          registration={register("email")}
          error={errors.email?.message}
        />
        <SubmitButton pending={update.isPending}>Update profile</SubmitButton>
      </form>
    </section>
  );
}
