// Runs a server under test as its own process on a free loopback port, so the load driver
// (this process) never shares an event loop with it.
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PROBE_MARKER } from "./event-loop-probe.js";

/** Linux's USER_HZ, the unit of /proc/<pid>/stat times (100 on every mainstream build). */
const CLOCK_TICKS_PER_SECOND = 100;
const probePath = join(fileURLToPath(import.meta.url), "..", "event-loop-probe.js");

export interface ServerSpec {
  name: string;
  script: string;
  env: Record<string, string>;
  /** Extra node flags, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  /** Where the server's stdout (its log) goes; by default it is read and dropped. */
  stdoutFile?: string;
}

export interface RunningServer {
  name: string;
  url: string;
  pid: number;
  /** Peak resident memory so far (VmHWM), in MB. */
  peakRssMb(): number;
  /** CPU time (user + system) the process has used so far, in seconds. */
  cpuSeconds(): number;
  /** The event-loop delay since the previous call (read through the preloaded probe). */
  eventLoopDelay(): Promise<{
    p50Ms: number;
    p99Ms: number;
    maxMs: number;
    memoryMb: Record<string, number>;
    heapSpacesMb: Record<string, number>;
  }>;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function waitUntilHealthy(url: string, child: ChildProcess, log: () => string) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${log()}`);
    const ok = await fetch(`${url}/healthz`).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server at ${url} not healthy after 30 s:\n${log()}`);
}

export async function startServer(spec: ServerSpec): Promise<RunningServer> {
  const port = await freePort();
  const stdout = spec.stdoutFile ? openSync(spec.stdoutFile, "w") : "pipe";
  const child = spawn(
    process.execPath,
    [...(spec.nodeArgs ?? []), "--import", probePath, spec.script],
    {
      env: { ...process.env, ...spec.env, PORT: String(port), HOST: "127.0.0.1" },
      // stdout (the request log, if any) is drained but not kept, or written to a file.
      stdio: ["ignore", stdout, "pipe"],
    },
  );
  if (typeof stdout === "number") closeSync(stdout); // the child holds its own copy
  let stderr = "";
  let partial = "";
  const waiting: ((line: string) => void)[] = [];
  child.stdout?.resume();
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    const lines = (partial + chunk).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) {
      if (line.startsWith(PROBE_MARKER)) waiting.shift()?.(line.slice(PROBE_MARKER.length));
      else stderr = `${stderr}${line}\n`.slice(-4000);
    }
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilHealthy(url, child, () => stderr);
  const pid = child.pid ?? 0;
  return {
    name: spec.name,
    url,
    pid,
    peakRssMb() {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
      return Math.round(kb / 102.4) / 10;
    },
    cpuSeconds() {
      // Fields 14 and 15 (utime, stime) in clock ticks; the name in field 2 may hold spaces.
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
    },
    eventLoopDelay() {
      return new Promise((resolve) => {
        waiting.push((json) => resolve(JSON.parse(json)));
        child.kill("SIGUSR2");
      });
    },
    stop() {
      if (child.exitCode !== null) return Promise.resolve();
      return new Promise((resolve) => {
        const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
        child.once("exit", () => {
          clearTimeout(force);
          resolve();
        });
        child.kill("SIGTERM");
      });
    },
  };
}
