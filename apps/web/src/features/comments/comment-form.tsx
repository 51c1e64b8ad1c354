// Writing a comment, a reply or an edit: one Markdown box checked with the API's own rule for a
// comment body; a refusal lands on the box (or above it) in words.
import { commentBodySchema } from "@folio/api/schemas";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { MarkdownField } from "../../components/markdown/markdown-field";
import { FormError } from "../../components/ui/form-error";
import { SubmitButton } from "../../components/ui/submit-button";
import { applyServerErrors } from "../../lib/form-errors";

const commentForm = z.object({ body: commentBodySchema });
type CommentValues = z.output<typeof commentForm>;

interface CommentFormProps {
  label: string;
  submitLabel: string;
  pendingLabel: string;
  initial?: string;
  pending: boolean;
  /** Saves the text; the form empties itself once it resolves. */
  onSave: (body: string) => Promise<unknown>;
  /** Shown (with a Cancel button) when the box can be closed: a reply or an edit. */
  onCancel?: () => void;
  autoFocus?: boolean;
}

export function CommentForm(props: CommentFormProps) {
  const { label, submitLabel, pendingLabel, initial = "", pending, onSave, onCancel } = props;
  const { register, handleSubmit, setError, formState, watch, reset } = useForm<
    z.input<typeof commentForm>,
    unknown,
    CommentValues
  >({ resolver: zodResolver(commentForm), defaultValues: { body: initial } });
  const { errors } = formState;

  const onSubmit = handleSubmit((values) =>
    onSave(values.body).then(
      () => reset({ body: "" }),
      (error: unknown) => applyServerErrors(error, setError, ["body"]),
    ),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="mb-3">
      <FormError message={errors.root?.server?.message} />
      <MarkdownField
        label={label}
        registration={register("body")}
        value={watch("body") ?? ""}
        error={errors.body?.message}
        rows={onCancel ? 4 : 5}
        autoFocus={props.autoFocus}
      />
      <div className="d-flex gap-2">
        <SubmitButton pending={pending} pendingLabel={pendingLabel}>
          {submitLabel}
        </SubmitButton>
        {onCancel ? (
          <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
