// "Profile picture": choose a file, see it before sending, upload it with progress, or remove
// the current picture behind a confirmation. The file rule (at most 5 MiB) is the API's own.
import type { PrivateUser } from "@folio/api";
import { MAX_PICTURE_BYTES, pictureFileSchema } from "@folio/api/schemas";
import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useId, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Avatar } from "../../components/ui/avatar";
import { SubmitButton } from "../../components/ui/submit-button";
import { describeError, errorCode, serverFieldErrors } from "../../lib/api-errors";
import { RemovePictureButton } from "./remove-picture-button";
import { useSetPicture } from "./use-picture";

const ACCEPT = "image/jpeg,image/png,image/webp,image/gif,image/avif";
const MEBIBYTES = MAX_PICTURE_BYTES / (1024 * 1024);

// The input gives a FileList; the API's schema checks its first file.
const pictureForm = z.object({
  image: z
    .custom<FileList>((value) => typeof FileList !== "undefined" && value instanceof FileList)
    .transform((files) => files.item(0) ?? undefined)
    .pipe(pictureFileSchema),
});
type PictureFormInput = z.input<typeof pictureForm>;

/** The server's refusal in words: its field message, or what a 413 or 429 means here. */
function describeRefusal(error: unknown): string {
  const [message] = serverFieldErrors(error).image ?? [];
  if (message) return message;
  if (errorCode(error) === "PAYLOAD_TOO_LARGE") {
    return `This picture is too large: at most ${MEBIBYTES} MiB.`;
  }
  return describeError(error);
}

/** An object URL for the chosen file, revoked when the file changes or the form goes away. */
function usePreviewUrl(file: File | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!file) {
      setUrl(null);
      return;
    }
    const objectUrl = URL.createObjectURL(file);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [file]);
  return url;
}

export function PictureSection({ user }: { user: PrivateUser }) {
  const { upload, progress, mutation } = useSetPicture();
  const inputId = useId();
  const { register, handleSubmit, setError, reset, watch, formState } = useForm<
    PictureFormInput,
    unknown,
    z.output<typeof pictureForm>
  >({ resolver: zodResolver(pictureForm), mode: "onChange" });
  const chosen = watch("image")?.item(0) ?? undefined;
  const previewUrl = usePreviewUrl(chosen);
  // A file the browser cannot draw (not a picture, or a format it lacks) has no preview.
  const [brokenPreview, setBrokenPreview] = useState<string | null>(null);
  const showPreview = previewUrl !== null && previewUrl !== brokenPreview;
  const error = formState.errors.image?.message;
  const pending = mutation.isPending;

  const onSubmit = handleSubmit(({ image }) =>
    upload(user.id, image)
      .then(() => reset())
      .catch((refusal: unknown) =>
        setError(
          "image",
          { type: "server", message: describeRefusal(refusal) },
          { shouldFocus: true },
        ),
      ),
  );

  return (
    <section aria-labelledby="picture-heading" className="mb-5">
      <h2 id="picture-heading" className="h4">
        Profile picture
      </h2>
      <div className="d-flex align-items-start gap-4 flex-wrap">
        <figure className="text-center mb-0">
          {showPreview ? (
            <img
              src={previewUrl}
              alt="Preview of your new avatar"
              width={96}
              height={96}
              className="rounded-circle object-fit-cover"
              onError={() => setBrokenPreview(previewUrl)}
            />
          ) : (
            <Avatar imageUrl={user.imageUrl} size="lg" />
          )}
          <figcaption className="small text-body-secondary mt-1">
            {showPreview
              ? "Preview"
              : previewUrl
                ? "No preview for this file"
                : user.imageUrl
                  ? "Your picture"
                  : "No picture yet"}
          </figcaption>
        </figure>
        <form onSubmit={onSubmit} noValidate className="flex-grow-1">
          {mutation.isSuccess && !chosen ? (
            <div className="alert alert-success" role="status">
              Your picture is updated.
            </div>
          ) : null}
          <div className="mb-3">
            <label htmlFor={inputId} className="form-label">
              Choose a picture
            </label>
            <input
              id={inputId}
              type="file"
              accept={ACCEPT}
              className={`form-control${error ? " is-invalid" : ""}`}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${inputId}-hint${error ? ` ${inputId}-error` : ""}`}
              disabled={pending}
              {...register("image")}
            />
            <div id={`${inputId}-hint`} className="form-text">
              JPEG, PNG, WebP, GIF or AVIF, at most {MEBIBYTES} MiB. It is cropped to a square.
            </div>
            {error ? (
              <div id={`${inputId}-error`} className="invalid-feedback">
                {error}
              </div>
            ) : null}
          </div>
          {progress !== null ? (
            <div className="mb-3">
              <label htmlFor={`${inputId}-progress`} className="form-label small">
                {progress < 1 ? `Uploading… ${Math.round(progress * 100)}%` : "Processing…"}
              </label>
              <progress
                id={`${inputId}-progress`}
                className="w-100 d-block"
                max={1}
                {...(progress < 1 ? { value: progress } : {})}
              />
            </div>
          ) : null}
          <div className="d-flex gap-2 flex-wrap">
            <SubmitButton pending={pending} pendingLabel="Uploading…">
              Upload picture
            </SubmitButton>
            {user.imageUrl ? <RemovePictureButton user={user} disabled={pending} /> : null}
          </div>
        </form>
      </div>
    </section>
  );
}
