// "3 minutes ago", with the exact time as a tooltip and in `dateTime`.
import { relativeTime } from "./relative-time";

const fullFormat = new Intl.DateTimeFormat("en", { dateStyle: "full", timeStyle: "short" });

export function Ago({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={fullFormat.format(new Date(iso))}>
      {relativeTime(iso)}
    </time>
  );
}
