import { useLocation } from "react-router";
import { noticeOf } from "../lib/notice";

/** Shows the one-time notice a previous page handed over (see lib/notice.ts). */
export function FlashNotice() {
  const location = useLocation();
  const notice = noticeOf(location.state);
  if (!notice) return null;
  return (
    <div className="alert alert-info" role="status">
      {notice}
    </div>
  );
}
