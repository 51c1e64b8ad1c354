import { useEffect } from "react";

/** Sets the document title for the current route: "<page> · Folio". */
export function usePageTitle(page: string): void {
  useEffect(() => {
    document.title = page ? `${page} · Folio` : "Folio";
  }, [page]);
}
