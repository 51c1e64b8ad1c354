/**
 * The `?next=` path to return to after login, or "/" when it is not a same-site path.
 * Accepts only paths starting with exactly one "/" (no "//evil.example", no "/\evil",
 * no "https:"), so the login page can never be turned into an open redirect.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  // Control characters and backslashes can be read as another host by some browsers.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting them is the point
  if (/[\u0000-\u001f\\]/.test(next)) return "/";
  try {
    const url = new URL(next, "https://folio.invalid");
    if (url.origin !== "https://folio.invalid") return "/";
    return url.pathname + url.search + url.hash;
  } catch {
    return "/";
  }
}

export function loginPathFor(current: string): string {
  return `/login?next=${encodeURIComponent(current)}`;
}
