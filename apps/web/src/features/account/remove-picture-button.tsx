import type { PrivateUser } from "@folio/api";
import { useState } from "react";
import { Dialog } from "../../components/ui/dialog";
import { ErrorAlert } from "../../components/ui/error-alert";
import { useRemovePicture } from "./use-picture";

/** "Remove picture", behind a confirmation dialog; the silhouette shows again afterwards. */
export function RemovePictureButton({ user, disabled }: { user: PrivateUser; disabled: boolean }) {
  const remove = useRemovePicture();
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  return (
    <>
      <button
        type="button"
        className="btn btn-outline-danger"
        disabled={disabled}
        onClick={() => {
          remove.reset();
          setOpen(true);
        }}
      >
        Remove picture
      </button>
      <Dialog
        open={open}
        title="Remove your picture?"
        onClose={close}
        footer={
          <>
            <button type="button" className="btn btn-secondary" onClick={close} data-autofocus>
              Cancel
            </button>
            <button
              type="button"
              className="btn btn-danger"
              disabled={remove.isPending}
              onClick={() => remove.mutate({ id: user.id }, { onSuccess: close })}
            >
              {remove.isPending ? "Removing…" : "Remove picture"}
            </button>
          </>
        }
      >
        {remove.error ? <ErrorAlert error={remove.error} /> : null}
        <p className="mb-0">
          Your picture will be deleted, and the grey silhouette shown beside your posts instead.
        </p>
      </Dialog>
    </>
  );
}
