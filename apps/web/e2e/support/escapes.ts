// What a page does that stored content must never make it do: open a dialog (alert, confirm,
// prompt: the classic proof that a payload ran) or send a request anywhere but Folio.
import type { Page } from "playwright-core";

export interface Escapes {
  /** The messages of every dialog the page opened (each dismissed at once). */
  dialogs: string[];
  /** Every URL the page requested outside `siteUrl`. */
  elsewhere: string[];
}

/** Starts recording `page`'s escapes; check the lists once the content is on the page. */
export function recordEscapes(page: Page, siteUrl: string): Escapes {
  const escapes: Escapes = { dialogs: [], elsewhere: [] };
  page.on("dialog", (dialog) => {
    escapes.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("request", (request) => {
    if (!request.url().startsWith(siteUrl)) escapes.elsewhere.push(request.url());
  });
  return escapes;
}
