// Handing the site over (the owner only): the target becomes the owner and the caller an admin.
// The current password proves it is really the owner at the keyboard; a wrong one is refused
// on its field (BAD_REQUEST naming `currentPassword`), and the server's other refusals above.
import { transferOwnershipInput } from "@folio/api/schemas";
import { zodResolver } from "@hookform/resolvers/zod";
import { useId } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Dialog } from "../../components/ui/dialog";
import { FormError } from "../../components/ui/form-error";
import { TextField } from "../../components/ui/text-field";
import { applyServerErrors } from "../../lib/form-errors";
import type { AdminUser } from "./use-admin";

const transferForm = z.object({ currentPassword: transferOwnershipInput.shape.currentPassword });
type Values = z.input<typeof transferForm>;

interface TransferOwnershipDialogProps {
  target: AdminUser | null;
  /** The owner's own username, for password managers. */
  ownUsername: string;
  pending: boolean;
  /** Transfers to `target`; a refusal is shown in the dialog. */
  onTransfer: (currentPassword: string) => Promise<unknown>;
  onClose: () => void;
}

export function TransferOwnershipDialog(props: TransferOwnershipDialogProps) {
  const formId = useId();
  return (
    <Dialog
      open={props.target !== null}
      title={`Make ${props.target?.username ?? ""} the owner?`}
      onClose={props.onClose}
      footer={
        <>
          <button type="button" className="btn btn-secondary" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="btn btn-danger" disabled={props.pending}>
            {props.pending ? "Transferring…" : "Transfer ownership"}
          </button>
        </>
      }
    >
      {props.target ? <TransferForm id={formId} {...props} target={props.target} /> : null}
    </Dialog>
  );
}

function TransferForm(props: TransferOwnershipDialogProps & { id: string; target: AdminUser }) {
  const { register, handleSubmit, setError, formState } = useForm<
    Values,
    unknown,
    z.output<typeof transferForm>
  >({ resolver: zodResolver(transferForm), defaultValues: { currentPassword: "" } });
  const onSubmit = handleSubmit(({ currentPassword }) =>
    props
      .onTransfer(currentPassword)
      .catch((error: unknown) => applyServerErrors(error, setError, ["currentPassword"])),
  );
  return (
    <form id={props.id} onSubmit={onSubmit} noValidate>
      <FormError message={formState.errors.root?.server?.message} />
      <p>
        {props.target.username} becomes the site's owner; you become an admin. There is always
        exactly one owner, and only they can hand ownership on.
      </p>
      {/* Tells password managers which account the password belongs to. */}
      <input
        type="text"
        name="username"
        autoComplete="username"
        value={props.ownUsername}
        readOnly
        hidden
      />
      <TextField
        label="Your current password"
        type="password"
        autoComplete="current-password"
        dialogAutofocus
        registration={register("currentPassword")}
        error={formState.errors.currentPassword?.message}
      />
    </form>
  );
}
