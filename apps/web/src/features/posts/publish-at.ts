// The schedule picker's value: a browser's `datetime-local` ("2026-12-10T14:30", the reader's
// own clock, no zone) turned into the ISO instant with a zone that the API takes, checked with
// the API's own rule (in the future, at most a year ahead).
import { publishAtSchema } from "@folio/api/schemas";
import { z } from "zod";

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;

export const localPublishAtSchema = z
  .string()
  .trim()
  .min(1, { error: "Choose a date and time" })
  .regex(LOCAL_DATE_TIME, { error: "Choose a date and time" })
  // Without a zone, Date reads it on the reader's own clock, as the picker showed it.
  .transform((local) => new Date(local).toISOString())
  .pipe(publishAtSchema);

const pad = (value: number) => String(value).padStart(2, "0");

/** An instant as a `datetime-local` value on the reader's clock, to the minute. */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(
    date.getHours(),
  )}:${pad(date.getMinutes())}`;
}

/** The picker's bounds: from the next minute to a year from now (the API's limit). */
export function publishAtBounds(now = new Date()): { min: string; max: string } {
  const nextMinute = new Date(now.getTime() + 60_000);
  const yearAhead = new Date(now);
  yearAhead.setFullYear(now.getFullYear() + 1);
  return { min: toLocalInput(nextMinute), max: toLocalInput(yearAhead) };
}

/** The reader's time zone, to say which clock the picker uses. */
export function readerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
