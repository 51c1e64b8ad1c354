/** A centred spinner that screen readers announce as a status message. */
export function Spinner({ label = "Loading…" }: { label?: string }) {
  return (
    <div className="d-flex justify-content-center align-items-center gap-2 py-4" role="status">
      <span className="spinner-border text-secondary" aria-hidden="true" />
      <span className="visually-hidden">{label}</span>
    </div>
  );
}
