// A one-time message carried to the next page in the router's location state
// (e.g. "Your account was deleted." on the home page).
export interface NoticeState {
  notice: string;
}

export function withNotice(notice: string): { state: NoticeState } {
  return { state: { notice } };
}

export function noticeOf(state: unknown): string | null {
  if (state && typeof state === "object" && "notice" in state && typeof state.notice === "string") {
    return state.notice;
  }
  return null;
}
