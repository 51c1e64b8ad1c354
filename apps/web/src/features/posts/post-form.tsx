import { type PostCreateInput, postCreateInput } from "@folio/api/schemas";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { MarkdownField } from "../../components/markdown/markdown-field";
import { FormError } from "../../components/ui/form-error";
import { SubmitButton } from "../../components/ui/submit-button";
import { TextField } from "../../components/ui/text-field";
import { applyServerErrors } from "../../lib/form-errors";

type PostValues = z.output<typeof postCreateInput>;

interface PostFormProps {
  initial?: PostCreateInput;
  submitLabel: string;
  pending: boolean;
  /** Saves the post; a rejection is shown on the form unless `onError` takes it. */
  onSave: (values: PostValues) => Promise<unknown>;
  onError?: (error: unknown) => boolean;
}

/** Title and content (Markdown, with a preview), checked with the API's own rules before
 * anything is sent. */
export function PostForm({ initial, submitLabel, pending, onSave, onError }: PostFormProps) {
  const { register, handleSubmit, setError, formState, watch } = useForm<
    PostCreateInput,
    unknown,
    PostValues
  >({
    resolver: zodResolver(postCreateInput),
    defaultValues: initial ?? { title: "", content: "" },
  });
  const { errors } = formState;

  const onSubmit = handleSubmit((values) =>
    onSave(values).catch((error: unknown) => {
      if (onError?.(error)) return;
      applyServerErrors(error, setError, ["title", "content"]);
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={errors.root?.server?.message} />
      <TextField label="Title" registration={register("title")} error={errors.title?.message} />
      <MarkdownField
        label="Content"
        registration={register("content")}
        value={watch("content") ?? ""}
        error={errors.content?.message}
      />
      <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
    </form>
  );
}
