import type { PrivateUser } from "@folio/api";
import { useId, useState } from "react";
import { Dialog } from "../../components/ui/dialog";
import { ErrorAlert } from "../../components/ui/error-alert";
import { useDeleteAccount } from "./use-account";

/** Deleting the account (and every post in it), behind typing the username to confirm. */
export function DangerZone({ user }: { user: PrivateUser }) {
  const remove = useDeleteAccount();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const inputId = useId();
  const confirmed = typed.trim() === user.username;
  const close = () => {
    setOpen(false);
    setTyped("");
  };

  return (
    <section aria-labelledby="danger-heading" className="border border-danger rounded-3 p-3">
      <h2 id="danger-heading" className="h4 text-danger-emphasis">
        Danger zone
      </h2>
      <p>Deleting your account also deletes all your posts. This cannot be undone.</p>
      <button
        type="button"
        className="btn btn-danger"
        onClick={() => {
          remove.reset();
          setOpen(true);
        }}
      >
        Delete account
      </button>
      <Dialog
        open={open}
        title="Delete your account?"
        onClose={close}
        footer={
          <>
            <button type="button" className="btn btn-secondary" onClick={close}>
              Cancel
            </button>
            <button
              type="button"
              className="btn btn-danger"
              disabled={!confirmed || remove.isPending}
              onClick={() => remove.mutate({ id: user.id })}
            >
              {remove.isPending ? "Deleting…" : "Delete my account and posts"}
            </button>
          </>
        }
      >
        {remove.error ? <ErrorAlert error={remove.error} /> : null}
        <p>
          Your account <strong>{user.username}</strong> and all of its posts will be deleted for
          good.
        </p>
        <label htmlFor={inputId} className="form-label">
          Type your username to confirm
        </label>
        <input
          id={inputId}
          className="form-control"
          autoComplete="off"
          data-autofocus
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
        />
      </Dialog>
    </section>
  );
}
