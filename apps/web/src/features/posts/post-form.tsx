import { contentSchema, titleSchema } from "@folio/api/schemas";
import { zodResolver } from "@hookform/resolvers/zod";
import type { FormEvent } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { MarkdownField } from "../../components/markdown/markdown-field";
import { FormError } from "../../components/ui/form-error";
import { TextField } from "../../components/ui/text-field";
import { applyServerErrors } from "../../lib/form-errors";

// Title and content only: how the post is saved (draft, review, now, later) is the button's.
const postForm = z.object({ title: titleSchema, content: contentSchema });
export type PostValues = z.output<typeof postForm>;
type PostInput = z.input<typeof postForm>;

export interface SaveButton<Intent extends string> {
  intent: Intent;
  label: string;
  pendingLabel: string;
}

interface PostFormProps<Intent extends string> {
  initial?: PostInput;
  /** One button per way to save; the first is the one Enter presses. */
  buttons: SaveButton<Intent>[];
  /** The intent being saved, or null. */
  pendingIntent: Intent | null;
  /** Saves the post; a rejection is shown on the form unless `onError` takes it. */
  onSave: (values: PostValues, intent: Intent) => Promise<unknown>;
  onError?: (error: unknown) => boolean;
}

/** Title and content (Markdown, with a preview), checked with the API's own rules before
 * anything is sent. */
export function PostForm<Intent extends string>(props: PostFormProps<Intent>) {
  const { initial, buttons, pendingIntent, onSave, onError } = props;
  const { register, handleSubmit, setError, formState, watch } = useForm<
    PostInput,
    unknown,
    PostValues
  >({
    resolver: zodResolver(postForm),
    defaultValues: initial ?? { title: "", content: "" },
  });
  const { errors } = formState;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    // Which button was pressed; Enter in the title presses the first.
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const pressed = buttons.find((button) => button.intent === submitter?.getAttribute("value"));
    const intent = (pressed ?? buttons[0])?.intent;
    if (intent === undefined) {
      event.preventDefault();
      return;
    }
    return handleSubmit((values) =>
      onSave(values, intent).catch((error: unknown) => {
        if (onError?.(error)) return;
        applyServerErrors(error, setError, ["title", "content"]);
      }),
    )(event);
  };

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
      <div className="d-flex flex-wrap gap-2">
        {buttons.map((button, index) => (
          <button
            key={button.intent}
            type="submit"
            name="intent"
            value={button.intent}
            className={`btn ${index === 0 ? "btn-primary" : "btn-outline-primary"}`}
            disabled={pendingIntent !== null}
          >
            {pendingIntent === button.intent ? (
              <>
                <span className="spinner-border spinner-border-sm me-2" aria-hidden="true" />
                {button.pendingLabel}
              </>
            ) : (
              button.label
            )}
          </button>
        ))}
      </div>
    </form>
  );
}
