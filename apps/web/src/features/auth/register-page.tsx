import { registerInput } from "@folio/api/schemas";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { Link, Navigate } from "react-router";
import { z } from "zod";
import { FormError } from "../../components/ui/form-error";
import { SubmitButton } from "../../components/ui/submit-button";
import { TextField } from "../../components/ui/text-field";
import { applyServerErrors } from "../../lib/form-errors";
import { useAuth } from "../../lib/use-auth";
import { usePageTitle } from "../../lib/use-page-title";
import { useNextPath, useRegister } from "./use-sign-in";

// The API's own rules plus a confirmation that never leaves the browser.
const registerForm = registerInput
  .extend({ confirmPassword: z.string() })
  .refine((value) => value.password === value.confirmPassword, {
    error: "Passwords do not match",
    path: ["confirmPassword"],
  });

export function RegisterPage() {
  usePageTitle("Register");
  const session = useAuth();
  const next = useNextPath();
  const signUp = useRegister();
  const { register, handleSubmit, setError, formState } = useForm<
    z.input<typeof registerForm>,
    unknown,
    z.output<typeof registerForm>
  >({
    resolver: zodResolver(registerForm),
    defaultValues: { username: "", email: "", password: "", confirmPassword: "" },
  });
  const { errors } = formState;

  if (session && signUp.isIdle) return <Navigate to={next} replace />;

  const onSubmit = handleSubmit(({ confirmPassword: _, ...input }) =>
    signUp.mutateAsync(input).catch((error: unknown) => {
      applyServerErrors(error, setError, ["username", "email", "password"]);
    }),
  );

  return (
    <div className="row justify-content-center">
      <div className="col-md-6 col-lg-5">
        <h1 className="h2 mb-4">Create an account</h1>
        <form onSubmit={onSubmit} noValidate>
          <FormError message={errors.root?.server?.message} />
          <TextField
            label="Username"
            autoComplete="username"
            hint="3–50 letters, digits, dots, dashes or underscores."
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
          <TextField
            label="Password"
            type="password"
            autoComplete="new-password"
            hint="At least 8 characters."
            registration={register("password")}
            error={errors.password?.message}
          />
          <TextField
            label="Confirm password"
            type="password"
            autoComplete="new-password"
            registration={register("confirmPassword")}
            error={errors.confirmPassword?.message}
          />
          <SubmitButton pending={signUp.isPending} pendingLabel="Creating account…">
            Register
          </SubmitButton>
        </form>
        <p className="mt-4">
          Already have an account?{" "}
          <Link to={`/login?next=${encodeURIComponent(next)}`}>Log in</Link>
        </p>
      </div>
    </div>
  );
}
