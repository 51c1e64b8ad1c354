// Preloaded into a server under test (`node --import <this file> main.js`): measures the
// server's own event-loop delay with no change to the server. On SIGUSR2 it prints the
// percentiles since the last report as one stderr line and starts a new window, so the
// harness can read the delay of exactly one phase (e.g. the login storm).
import { monitorEventLoopDelay } from "node:perf_hooks";
import { getHeapSpaceStatistics } from "node:v8";

export const PROBE_MARKER = "FOLIO_EVENT_LOOP_DELAY";
// The histogram records the time between timer ticks, so each value holds one resolution
// period plus the delay; the period is subtracted below. 1 ms catches short stalls that a
// 10 ms sampling period would step over.
const RESOLUTION_MS = 1;

const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
histogram.enable();

const delayMs = (nanoseconds: number) =>
  Math.max(0, Math.round((nanoseconds / 1e6 - RESOLUTION_MS) * 100) / 100);

process.on("SIGUSR2", () => {
  const report = {
    p50Ms: delayMs(histogram.percentile(50)),
    p99Ms: delayMs(histogram.percentile(99)),
    maxMs: delayMs(histogram.max),
    samples: histogram.count,
    // Where resident memory goes (MB), to explain the peak-RSS figure.
    memoryMb: Object.fromEntries(
      Object.entries(process.memoryUsage()).map(([key, bytes]) => [
        key,
        Math.round(bytes / 1e5) / 10,
      ]),
    ),
    // V8's heap by space (MB reserved): the young generation (new_space) is what
    // --max-semi-space-size caps; old_space holds what survived two scavenges.
    heapSpacesMb: Object.fromEntries(
      getHeapSpaceStatistics().map((space) => [
        space.space_name,
        Math.round(space.space_size / 1e5) / 10,
      ]),
    ),
  };
  process.stderr.write(`${PROBE_MARKER} ${JSON.stringify(report)}\n`);
  histogram.reset();
});
