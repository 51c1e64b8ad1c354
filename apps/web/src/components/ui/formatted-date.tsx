const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });
const fullFormat = new Intl.DateTimeFormat("en", { dateStyle: "full", timeStyle: "short" });

/** A human-readable date with the exact instant in `dateTime` (and a tooltip). */
export function FormattedDate({ iso }: { iso: string }) {
  const date = new Date(iso);
  return (
    <time dateTime={iso} title={fullFormat.format(date)}>
      {dateFormat.format(date)}
    </time>
  );
}
