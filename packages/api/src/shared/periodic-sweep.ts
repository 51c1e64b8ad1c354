// A cleanup the host runs at start and then periodically (expired sessions, old security
// events): an unref'd timer that never keeps a process alive, and failures reported, not
// thrown, so the next round simply tries again.

export interface SweepOptions {
  intervalMs: number;
  /** Told how many rows each sweep deleted. */
  onSwept?: ((deleted: number) => void) | undefined;
  /** Told when a sweep fails (the database is away); the next one tries again. */
  onError?: ((error: unknown) => void) | undefined;
}

export interface PeriodicSweep {
  /** The sweep run at start. */
  first: Promise<void>;
  stop(): void;
}

/** Runs `sweep` now, then every `intervalMs` until stopped. */
export function startPeriodicSweep(
  sweep: () => Promise<number>,
  { intervalMs, onSwept, onError }: SweepOptions,
): PeriodicSweep {
  const round = () =>
    sweep().then(
      (deleted) => onSwept?.(deleted),
      (error: unknown) => onError?.(error),
    );
  const first = round();
  const timer = setInterval(round, intervalMs);
  timer.unref();
  return { first, stop: () => clearInterval(timer) };
}
