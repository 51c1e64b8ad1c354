// The profile picture's calls: an upload with progress (FormData through the non-batching
// link, see lib/trpc.ts) and a removal. Both update the stored user, so the navbar follows.
import type { PrivateUser } from "@folio/api";
import { useState } from "react";
import { authStore } from "../../lib/auth-store";
import { trpc } from "../../lib/trpc";
import { onUploadProgress } from "../../lib/upload-fetch";

export function useSetPicture() {
  const utils = trpc.useUtils();
  /** 0 to 1 while sending; null when no upload runs. */
  const [progress, setProgress] = useState<number | null>(null);
  const mutation = trpc.user.setPicture.useMutation({
    onSuccess: (user: PrivateUser) => {
      authStore.updateUser(user);
      return utils.invalidate();
    },
    onSettled: () => setProgress(null),
  });
  const upload = (userId: number, image: File) => {
    const form = new FormData();
    form.append("id", String(userId));
    form.append("image", image);
    onUploadProgress(form, setProgress);
    setProgress(0);
    return mutation.mutateAsync(form);
  };
  return { upload, progress, mutation };
}

export function useRemovePicture() {
  const utils = trpc.useUtils();
  return trpc.user.removePicture.useMutation({
    onSuccess: (user: PrivateUser) => {
      authStore.updateUser(user);
      return utils.invalidate();
    },
  });
}
