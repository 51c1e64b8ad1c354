// Light, dark or auto (follows the system), remembered in localStorage and applied as
// Bootstrap's `data-bs-theme` on <html>. Applied from the module entry before the first render:
// the CSP allows no inline script in index.html.
export type ThemeChoice = "light" | "dark" | "auto";

const KEY = "folio.theme";
const darkQuery = () => window.matchMedia("(prefers-color-scheme: dark)");

export function savedTheme(): ThemeChoice {
  const value = localStorage.getItem(KEY);
  return value === "light" || value === "dark" ? value : "auto";
}

export function applyTheme(choice: ThemeChoice): void {
  const resolved = choice === "auto" ? (darkQuery().matches ? "dark" : "light") : choice;
  document.documentElement.setAttribute("data-bs-theme", resolved);
}

export function saveTheme(choice: ThemeChoice): void {
  if (choice === "auto") localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, choice);
  applyTheme(choice);
}

/** Applies the saved theme now, and again whenever the system scheme changes under "auto". */
export function initTheme(): void {
  applyTheme(savedTheme());
  darkQuery().addEventListener("change", () => applyTheme(savedTheme()));
}
