// A Markdown text area with Write and Preview tabs (WAI-ARIA tabs: arrow keys, Home and End
// move between them). The preview is exactly what readers will see (the same renderer); the
// text area stays mounted while it shows, so the form keeps its value and registration.
import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { LazyMarkdown } from "./lazy-markdown";

interface MarkdownFieldProps {
  label: string;
  registration: UseFormRegisterReturn;
  /** The current text (the form's watched value), for the preview. */
  value: string;
  error?: string | undefined;
  rows?: number;
  /** Put the cursor in the text area when the field appears (a reply or edit just opened). */
  autoFocus?: boolean;
}

type Mode = "write" | "preview";
const MODES: Mode[] = ["write", "preview"];
const HINT = "Markdown works: **bold**, _italic_, [links](https://example.com), lists, tables.";

export function MarkdownField(props: MarkdownFieldProps) {
  const { label, registration, value, error, rows = 10, autoFocus = false } = props;
  const [mode, setMode] = useState<Mode>("write");
  const id = useId();
  const tabs = useRef<Record<Mode, HTMLButtonElement | null>>({ write: null, preview: null });
  const tabId = (m: Mode) => `${id}-${m}-tab`;
  const panelId = (m: Mode) => `${id}-${m}-panel`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;

  // A refused submit shows its error on the text: bring the text back into view.
  useEffect(() => {
    if (error) setMode("write");
  }, [error]);

  const select = (next: Mode) => {
    setMode(next);
    tabs.current[next]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const index = MODES.indexOf(mode);
    const moves: Record<string, Mode | undefined> = {
      ArrowRight: MODES[(index + 1) % MODES.length],
      ArrowLeft: MODES[(index + MODES.length - 1) % MODES.length],
      Home: MODES[0],
      End: MODES[MODES.length - 1],
    };
    const next = moves[event.key];
    if (!next) return;
    event.preventDefault();
    select(next);
  };

  return (
    <div className="mb-3">
      <label htmlFor={id} className="form-label">
        {label}
      </label>
      <div className="nav nav-tabs mb-2" role="tablist" aria-label="Editor view">
        {MODES.map((m) => (
          <button
            key={m}
            ref={(element) => {
              tabs.current[m] = element;
            }}
            type="button"
            role="tab"
            id={tabId(m)}
            aria-selected={mode === m}
            aria-controls={panelId(m)}
            tabIndex={mode === m ? 0 : -1}
            className={`nav-link${mode === m ? " active" : ""}`}
            onClick={() => setMode(m)}
            onKeyDown={onKeyDown}
          >
            {m === "write" ? "Write" : "Preview"}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={panelId("write")}
        aria-labelledby={tabId("write")}
        hidden={mode !== "write"}
      >
        <textarea
          id={id}
          rows={rows}
          className={`form-control${error ? " is-invalid" : ""}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={[hintId, error ? errorId : null].filter(Boolean).join(" ")}
          // biome-ignore lint/a11y/noAutofocus: only when the person just asked for this box
          autoFocus={autoFocus}
          {...registration}
        />
      </div>
      <div
        role="tabpanel"
        id={panelId("preview")}
        aria-labelledby={tabId("preview")}
        hidden={mode !== "preview"}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a tab panel takes focus (WAI-ARIA tabs)
        tabIndex={0}
        className="border rounded p-3"
      >
        {mode === "preview" ? (
          value.trim() ? (
            <LazyMarkdown source={value} />
          ) : (
            <p className="text-body-secondary mb-0">Nothing to preview yet.</p>
          )
        ) : null}
      </div>
      <div id={hintId} className="form-text">
        {HINT}
      </div>
      {error ? (
        <div id={errorId} className="invalid-feedback d-block">
          {error}
        </div>
      ) : null}
    </div>
  );
}
