// The account search: part of a username or email, kept in the address (`?q=`) so a search can
// be shared and the back button works. The API's own rule checks it; its refusal lands here.
import { adminUsersInput } from "@folio/api/schemas";
import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useId } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";

const searchForm = z.object({ query: adminUsersInput.unwrap().shape.query });
type Values = z.input<typeof searchForm>;

interface UserSearchProps {
  query: string;
  /** The server's word on the search (`zodError.fieldErrors.query`). */
  serverError: string | undefined;
  onSearch: (query: string) => void;
}

export function UserSearch({ query, serverError, onSearch }: UserSearchProps) {
  const inputId = useId();
  const { register, handleSubmit, reset, formState } = useForm<
    Values,
    unknown,
    z.output<typeof searchForm>
  >({ resolver: zodResolver(searchForm), defaultValues: { query } });
  // Back and forward change the address: the field follows it.
  useEffect(() => reset({ query }), [query, reset]);
  const error = formState.errors.query?.message ?? serverError;

  return (
    <search className="d-block mb-4">
      <form noValidate onSubmit={handleSubmit((values) => onSearch(values.query ?? ""))}>
        <label htmlFor={inputId} className="form-label">
          Search users
        </label>
        <div className="d-flex gap-2 align-items-start">
          <div className="flex-grow-1">
            <input
              id={inputId}
              type="search"
              className={`form-control${error ? " is-invalid" : ""}`}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${inputId}-hint${error ? ` ${inputId}-error` : ""}`}
              {...register("query")}
            />
            <div id={`${inputId}-hint`} className="form-text">
              Part of a username or an email address.
            </div>
            {error ? (
              <div id={`${inputId}-error`} className="invalid-feedback">
                {error}
              </div>
            ) : null}
          </div>
          <button type="submit" className="btn btn-primary">
            Search
          </button>
        </div>
      </form>
    </search>
  );
}
