// The confirmation before a role change, a suspension, an unsuspension or a deletion: what will
// happen to whom, in words, with the server's refusal inside when it says no.
import { ConfirmDialog } from "../../components/ui/confirm-dialog";
import { ROLE_LABELS, ROLE_POWERS } from "./roles";
import type { ConfirmedAction } from "./user-row";

interface UserActionDialogProps {
  action: ConfirmedAction | null;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}

function wording(action: ConfirmedAction) {
  const name = action.user.username;
  switch (action.kind) {
    case "role":
      return {
        title: `Change ${name}'s role?`,
        confirm: "Change role",
        working: "Changing…",
        body: `${name} becomes ${ROLE_LABELS[action.role]}: ${ROLE_POWERS[action.role]}. It applies from their next click; they stay signed in.`,
      };
    case "suspend":
      return {
        title: `Suspend ${name}?`,
        confirm: "Suspend",
        working: "Suspending…",
        danger: true,
        body: `${name} is signed out on every device at once and can't log in until unsuspended. Their posts and comments stay as they are.`,
      };
    case "unsuspend":
      return {
        title: `Unsuspend ${name}?`,
        confirm: "Unsuspend",
        working: "Unsuspending…",
        body: `${name} can log in again.`,
      };
    case "delete":
      return {
        title: `Delete ${name}?`,
        confirm: "Delete account",
        working: "Deleting…",
        danger: true,
        body: `The account ${name} is deleted for good, with its ${action.user.postCount} posts, its sessions and its picture; its comments are deleted too. This cannot be undone.`,
      };
  }
}

export function UserActionDialog({ action, ...props }: UserActionDialogProps) {
  const words = action ? wording(action) : null;
  return (
    <ConfirmDialog
      {...props}
      open={words !== null}
      title={words?.title ?? ""}
      confirmLabel={words?.confirm ?? ""}
      pendingLabel={words?.working ?? ""}
      danger={words?.danger ?? false}
    >
      <p className="mb-0">{words?.body}</p>
    </ConfirmDialog>
  );
}
