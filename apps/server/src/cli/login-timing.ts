// Benchmark, not a test: does a login for an unknown user take as long as one with a wrong
// password, and a password-reset request for an unknown email as long as one for a known email
// (API.md, "no user enumeration")? Starts the built server on a temp database with rate limits
// off, then times N calls of each kind, interleaved so load drifts hit both alike.
//
//   pnpm --filter @folio/server build && node apps/server/dist/cli/login-timing.js [N=200]
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const SERVER_ENTRY = fileURLToPath(new URL("../main.js", import.meta.url));
const PASSWORD = "correct horse battery";

function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    env: {
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      NODE_ENV: "production",
      LOG_LEVEL: "info", // the "Folio listening" line is how we learn the port
      JWT_SECRET: randomBytes(32).toString("hex"),
      DATABASE_URL: `sqlite:${join(dataDir, "folio.db")}`,
      RATE_LIMIT_LOGIN_IP: "0",
      RATE_LIMIT_LOGIN_ACCOUNT: "0",
      RATE_LIMIT_REGISTER_IP: "0",
      RATE_LIMIT_RESET_IP: "0",
      RATE_LIMIT_RESET_EMAIL: "0",
      PUBLIC_URL: "http://folio.test", // mail goes to .eml files in the temp data folder
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  // Fail rather than wait forever if the server never says it is listening.
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"([^"]+)"[^\n]*"msg":"Folio listening"/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

async function call(url: string, path: string, input: unknown): Promise<number> {
  const res = await fetch(`${url}/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(input),
  });
  await res.arrayBuffer();
  return res.status;
}

async function timedLogin(url: string, login: string): Promise<number> {
  const started = performance.now();
  const status = await call(url, "auth.login", { login, password: "not the password" });
  if (status !== 401) throw new Error(`expected 401, got ${status}`);
  return performance.now() - started;
}

async function timedResetRequest(url: string, email: string): Promise<number> {
  const started = performance.now();
  const status = await call(url, "auth.requestPasswordReset", { email });
  if (status !== 200) throw new Error(`expected 200, got ${status}`);
  return performance.now() - started;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

function summary(label: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = quantile(sorted, 0.5).toFixed(1);
  const p90 = quantile(sorted, 0.9).toFixed(1);
  return `${label.padEnd(16)} median ${median.padStart(7)} ms   p90 ${p90.padStart(7)} ms`;
}

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 200);
  const dataDir = mkdtempSync(join(tmpdir(), "folio-login-timing-"));
  const { child, url } = await startServer(dataDir);
  try {
    const registered = await call(url, "auth.register", {
      username: "timing_user",
      email: "timing_user@example.com",
      password: PASSWORD,
    });
    if (registered !== 200) throw new Error(`register answered ${registered}`);
    for (let i = 0; i < 10; i += 1) await timedLogin(url, "timing_user"); // warm-up
    const wrongPassword: number[] = [];
    const unknownUser: number[] = [];
    for (let i = 0; i < rounds; i += 1) {
      wrongPassword.push(await timedLogin(url, "timing_user"));
      unknownUser.push(await timedLogin(url, `nobody_${i}`));
    }
    console.log(`${rounds} logins of each kind, sequential, over HTTP to ${url}`);
    console.log(summary("wrong password", wrongPassword));
    console.log(summary("unknown user", unknownUser));

    for (let i = 0; i < 10; i += 1) await timedResetRequest(url, "timing_user@example.com");
    const knownEmail: number[] = [];
    const unknownEmail: number[] = [];
    for (let i = 0; i < rounds; i += 1) {
      knownEmail.push(await timedResetRequest(url, "timing_user@example.com"));
      unknownEmail.push(await timedResetRequest(url, `nobody_${i}@example.com`));
    }
    console.log(`${rounds} password-reset requests of each kind, sequential, over HTTP`);
    console.log(summary("known email", knownEmail));
    console.log(summary("unknown email", unknownEmail));
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
