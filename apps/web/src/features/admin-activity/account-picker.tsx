// Choosing the account to filter by: type part of a username or email, pick from the matches.
import { useId, useState } from "react";
import { useAccountSearch } from "./use-audit";

export function AccountPicker({ onPick }: { onPick: (userId: number) => void }) {
  const [query, setQuery] = useState("");
  const [submitted, setSubmitted] = useState("");
  const found = useAccountSearch(submitted);
  const inputId = useId();
  return (
    <form
      className="mb-2"
      aria-label="Find an account"
      onSubmit={(event) => {
        event.preventDefault();
        setSubmitted(query.trim());
      }}
    >
      <label className="form-label" htmlFor={inputId}>
        Account
      </label>
      <div className="input-group">
        <input
          id={inputId}
          className="form-control"
          type="search"
          placeholder="Part of a username or email"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          maxLength={120}
        />
        <button className="btn btn-outline-secondary" type="submit">
          Find
        </button>
      </div>
      {found.isFetching ? <div className="small text-body-secondary mt-1">Searching…</div> : null}
      {found.error ? (
        <div className="small text-danger mt-1" role="alert">
          Couldn't search the accounts.
        </div>
      ) : null}
      {found.data && submitted ? (
        found.data.items.length === 0 ? (
          <div className="small mt-1">No account matches “{submitted}”.</div>
        ) : (
          <ul className="list-inline mt-2 mb-0" aria-label="Matching accounts">
            {found.data.items.map((account) => (
              <li key={account.id} className="list-inline-item mb-1">
                <button
                  type="button"
                  className="btn btn-sm btn-outline-primary"
                  onClick={() => onPick(account.id)}
                >
                  {account.username}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </form>
  );
}
