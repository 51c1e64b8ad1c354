import { ConfirmDialog } from "../../components/ui/confirm-dialog";

interface DeletePostDialogProps {
  open: boolean;
  title: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}

export function DeletePostDialog({ title, ...props }: DeletePostDialogProps) {
  return (
    <ConfirmDialog
      {...props}
      title="Delete this post?"
      confirmLabel="Delete post"
      pendingLabel="Deleting…"
      danger
    >
      <p className="mb-0">“{title}” will be deleted for good. This cannot be undone.</p>
    </ConfirmDialog>
  );
}
