import { useId, useState } from "react";
import { savedTheme, saveTheme, type ThemeChoice } from "./theme";

export function ThemeToggle() {
  const id = useId();
  const [choice, setChoice] = useState<ThemeChoice>(savedTheme);
  return (
    <div className="d-flex align-items-center gap-2">
      <label htmlFor={id} className="col-form-label-sm text-body-secondary mb-0">
        Theme
      </label>
      <select
        id={id}
        className="form-select form-select-sm w-auto"
        value={choice}
        onChange={(event) => {
          const next = event.target.value as ThemeChoice;
          setChoice(next);
          saveTheme(next);
        }}
      >
        <option value="auto">Auto</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </div>
  );
}
