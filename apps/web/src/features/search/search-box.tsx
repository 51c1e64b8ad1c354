// The navbar's search box: Enter (or the button) opens /search?q=…; "/" focuses it from
// anywhere outside a text field, as on GitHub or MDN.
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useLocation, useNavigate, useSearchParams } from "react-router";
import { searchPath } from "./use-search";

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

export function SearchBox({ onSearch }: { onSearch?: () => void }) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const current = pathname === "/search" ? (params.get("q") ?? "") : "";
  const [value, setValue] = useState(current);
  const input = useRef<HTMLInputElement>(null);

  // The box shows the search on screen: after back/forward, or a link to /search?q=….
  useEffect(() => setValue(current), [current]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target)) return;
      event.preventDefault();
      input.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const q = value.trim();
    if (!q) {
      input.current?.focus();
      return;
    }
    onSearch?.();
    void navigate(searchPath(q));
  };

  return (
    <search>
      <form className="d-flex gap-2 my-2 my-md-0" onSubmit={submit}>
        <input
          ref={input}
          type="search"
          name="q"
          className="form-control"
          placeholder="Search posts"
          aria-label="Search posts"
          aria-keyshortcuts="/"
          maxLength={200}
          value={value}
          onChange={(event) => setValue(event.target.value)}
        />
        <button type="submit" className="btn btn-primary">
          Search
        </button>
      </form>
    </search>
  );
}
