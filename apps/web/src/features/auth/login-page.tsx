import { type LoginInput, loginInput } from "@folio/api/schemas";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { Link } from "react-router";
import type { z } from "zod";
import { FormError } from "../../components/ui/form-error";
import { SubmitButton } from "../../components/ui/submit-button";
import { TextField } from "../../components/ui/text-field";
import { applyServerErrors } from "../../lib/form-errors";
import { usePageTitle } from "../../lib/use-page-title";
import { useLogin, useNextPath } from "./use-sign-in";

export function LoginPage() {
  usePageTitle("Log in");
  const next = useNextPath();
  const login = useLogin();
  const { register, handleSubmit, setError, formState } = useForm<
    LoginInput,
    unknown,
    z.output<typeof loginInput>
  >({ resolver: zodResolver(loginInput), defaultValues: { login: "", password: "" } });
  const { errors } = formState;

  const onSubmit = handleSubmit((values) =>
    login.mutateAsync(values).catch((error: unknown) => {
      applyServerErrors(error, setError, ["login", "password"]);
    }),
  );

  return (
    <div className="row justify-content-center">
      <div className="col-md-6 col-lg-5">
        <h1 className="h2 mb-4">Log in</h1>
        <form onSubmit={onSubmit} noValidate>
          <FormError message={errors.root?.server?.message} />
          <TextField
            label="Username or email"
            autoComplete="username"
            registration={register("login")}
            error={errors.login?.message}
          />
          <TextField
            label="Password"
            type="password"
            autoComplete="current-password"
            registration={register("password")}
            error={errors.password?.message}
          />
          <SubmitButton pending={login.isPending} pendingLabel="Logging in…">
            Log in
          </SubmitButton>
        </form>
        <p className="mt-3">
          <Link to="/forgot-password">Forgot your password?</Link>
        </p>
        <p className="mt-4">
          New here? <Link to={`/register?next=${encodeURIComponent(next)}`}>Create an account</Link>
        </p>
      </div>
    </div>
  );
}
