// "Schedule": a date and time on the reader's own clock, checked with the API's rule (in the
// future, at most a year ahead); the server's refusal of the time lands on the field.
import { zodResolver } from "@hookform/resolvers/zod";
import { useId } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Dialog } from "../../components/ui/dialog";
import { FormError } from "../../components/ui/form-error";
import { applyServerErrors } from "../../lib/form-errors";
import { localPublishAtSchema, publishAtBounds, readerTimeZone, toLocalInput } from "./publish-at";

const scheduleForm = z.object({ publishAt: localPublishAtSchema });
type Values = z.input<typeof scheduleForm>;

interface ScheduleDialogProps {
  open: boolean;
  title: string;
  /** The current time of a scheduled post, to start from. */
  initial?: string | null;
  pending: boolean;
  /** Schedules for `publishAt` (ISO); a refusal is shown in the dialog. */
  onSchedule: (publishAt: string) => Promise<unknown>;
  onClose: () => void;
}

export function ScheduleDialog(props: ScheduleDialogProps) {
  const formId = useId();
  return (
    <Dialog
      open={props.open}
      title={props.title}
      onClose={props.onClose}
      footer={
        <>
          <button type="button" className="btn btn-secondary" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="btn btn-primary" disabled={props.pending}>
            {props.pending ? "Scheduling…" : "Schedule"}
          </button>
        </>
      }
    >
      <ScheduleForm id={formId} {...props} />
    </Dialog>
  );
}

function ScheduleForm({ id, initial, onSchedule }: ScheduleDialogProps & { id: string }) {
  const inputId = useId();
  const { register, handleSubmit, setError, formState } = useForm<
    Values,
    unknown,
    z.output<typeof scheduleForm>
  >({
    resolver: zodResolver(scheduleForm),
    defaultValues: { publishAt: initial ? toLocalInput(new Date(initial)) : "" },
  });
  const error = formState.errors.publishAt?.message;
  const { min, max } = publishAtBounds();
  const onSubmit = handleSubmit(({ publishAt }) =>
    onSchedule(publishAt).catch((refusal: unknown) =>
      applyServerErrors(refusal, setError, ["publishAt"]),
    ),
  );

  return (
    <form id={id} onSubmit={onSubmit} noValidate>
      <FormError message={formState.errors.root?.server?.message} />
      <label htmlFor={inputId} className="form-label">
        Publish on
      </label>
      <input
        id={inputId}
        type="datetime-local"
        className={`form-control${error ? " is-invalid" : ""}`}
        min={min}
        max={max}
        data-autofocus
        aria-invalid={error ? true : undefined}
        aria-describedby={`${inputId}-hint${error ? ` ${inputId}-error` : ""}`}
        {...register("publishAt")}
      />
      <div id={`${inputId}-hint`} className="form-text">
        In your time zone ({readerTimeZone()}), at most a year from now. The post goes live by
        itself at that time; until then only its author and editors can see it.
      </div>
      {error ? (
        <div id={`${inputId}-error`} className="invalid-feedback">
          {error}
        </div>
      ) : null}
    </form>
  );
}
