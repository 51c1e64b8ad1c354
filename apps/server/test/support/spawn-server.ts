/**
 * Starts the REAL built server (apps/server/dist/main.js) as a child process, for HTTP-level,
 * security, multi-process and browser tests. Build first (`pnpm --filter @folio/server build`;
 * turbo's `test` task of @folio/server does it).
 *
 *   const server = await spawnServer({ env: { RATE_LIMIT_LOGIN_IP: "3" } });
 *   const res = await fetch(`${server.url}/healthz`);
 *   const code = await server.stop(); // SIGTERM; resolves with the exit code (0 = clean)
 *
 * Environment: the parent's, minus every Folio setting (so the host's own variables never
 * change a test), plus these defaults, plus `options.env` (`undefined` removes a variable):
 *   PORT=0  HOST=127.0.0.1  NODE_ENV=production  JWT_SECRET=<random>  LOG_LEVEL=info
 *   DATABASE_URL=sqlite:<dataDir>/folio.db   (dataDir: a fresh mkdtemp folder unless given)
 * Request log lines are written just after each answer: use waitForLog() rather than reading
 * logEntries() right after a response.
 * stop() sends SIGKILL if the process has not exited 20 s after the signal.
 * Ready when stdout carries the server's JSON log line `{"msg":"Folio listening","url":…}`;
 * `url` is that value (http://127.0.0.1:<port>, no trailing slash). If the process exits
 * first, or is not listening within `startTimeoutMs`, the promise rejects with its output
 * (and the process is killed). Children still running when the test process exits are killed.
 * A temp dataDir the helper made is deleted by stop(); a dataDir you passed is left alone.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serverEnv } from "./server-env.js";

export const SERVER_ENTRY = resolve(fileURLToPath(import.meta.url), "../../../dist/main.js");

export interface SpawnOptions {
  env?: Record<string, string | undefined>;
  /** Folder for the SQLite file (and a dev JWT secret); default: a fresh temp folder. */
  dataDir?: string;
  startTimeoutMs?: number;
}

export interface RunningServer {
  url: string;
  process: ChildProcess;
  dataDir: string;
  /** Everything the process wrote so far, stdout and stderr interleaved. */
  logs(): string;
  /** stdout's JSON log lines, parsed (non-JSON lines skipped). */
  logEntries(): Record<string, unknown>[];
  /** Resolves with the first stdout JSON log line matching `predicate` (rejects after timeout). */
  waitForLog(
    predicate: (entry: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  /** Resolves with the exit code once the process has exited (sends nothing). */
  exited: Promise<number | null>;
  /** Sends `signal` (default SIGTERM), waits for the exit; resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const running = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/** Starts the server process with `env` and collects its output. */
export function startProcess(options: SpawnOptions = {}) {
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "folio-server-"));
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    // Mail stays in dataDir on Postgres too (MAIL_DIR's default is the repository's data/mail
    // when the database is not a SQLite file).
    env: serverEnv(join(dataDir, "folio.db"), { MAIL_DIR: join(dataDir, "mail"), ...options.env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolveExit) => {
    child.once("exit", (code) => {
      running.delete(child);
      if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
      resolveExit(code);
    });
  });
  return { child, dataDir, exited, output: () => output };
}

/** Runs the server until it exits by itself (config errors): its exit code and output. */
export async function runServerToExit(options: SpawnOptions = {}, timeoutMs = 15_000) {
  const started = startProcess(options);
  const timer = setTimeout(() => started.child.kill("SIGKILL"), timeoutMs);
  const code = await started.exited;
  clearTimeout(timer);
  return { code, output: started.output() };
}

function parseLines(text: string): Record<string, unknown>[] {
  return text.split("\n").flatMap((line) => {
    if (!line.startsWith("{")) return [];
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
}

export async function spawnServer(options: SpawnOptions = {}): Promise<RunningServer> {
  const { child, dataDir, exited, output } = startProcess(options);
  const timeoutMs = options.startTimeoutMs ?? 15_000;
  const url = await new Promise<string>((resolveUrl, reject) => {
    const fail = (why: string) => {
      clearInterval(poll);
      child.kill("SIGKILL");
      reject(new Error(`Folio server ${why}. Output:\n${output()}`));
    };
    const started = Date.now();
    const poll = setInterval(() => {
      const line = parseLines(output()).find((entry) => entry.msg === "Folio listening");
      if (typeof line?.url === "string") {
        clearInterval(poll);
        resolveUrl(line.url);
      } else if (child.exitCode !== null) fail(`exited with code ${child.exitCode}`);
      else if (Date.now() - started > timeoutMs) fail(`did not listen within ${timeoutMs} ms`);
    }, 20);
  });
  return {
    url,
    process: child,
    dataDir,
    logs: output,
    logEntries: () => parseLines(output()),
    exited,
    async waitForLog(predicate, waitMs = 5000) {
      const deadline = Date.now() + waitMs;
      for (;;) {
        const found = parseLines(output()).find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching log line. Output:\n${output()}`);
        await new Promise((resolveLater) => setTimeout(resolveLater, 20));
      }
    },
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      // A server that ignores the signal must not outlive the test run.
      const killer = setTimeout(() => child.kill("SIGKILL"), 20_000);
      const code = await exited;
      clearTimeout(killer);
      return code;
    },
  };
}
