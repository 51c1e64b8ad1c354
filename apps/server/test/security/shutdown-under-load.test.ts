// SIGTERM during a steady load of reads and writes: every request the server accepted (that got
// any answer) gets a 200, later ones are refused at the connection (the port is closed), every
// acknowledged write is in the database, and the process exits 0.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { spawnServer } from "../support/spawn-server.js";
import { mutate, query, register } from "../support/trpc-http.js";
import { readDatabase } from "./support/sqlite-file.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Outcome {
  startedAt: number;
  endedAt?: number;
  status?: number;
  error?: string;
}

/** The code of a fetch failure: ECONNREFUSED, ECONNRESET, UND_ERR_SOCKET… */
function errorCode(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? String(error);
}

describe("SIGTERM under load", () => {
  it("answers every accepted request with 200, refuses later ones cleanly, and exits 0", async () => {
    // Our own folder: spawnServer deletes the one it makes at exit, and the file is read after.
    const dataDir = mkdtempSync(join(tmpdir(), "folio-drain-"));
    onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }));
    const server = await spawnServer({ dataDir, env: { RATE_LIMIT_REGISTER_IP: "0" } });
    const users = await Promise.all([1, 2].map(() => register(server.url)));
    const seed = await mutate(
      server.url,
      "post.create",
      { title: "t", content: "c" },
      {
        token: users[0]?.accessToken,
      },
    );
    const postId = seed.body.result.data.id;
    const outcomes: Outcome[] = [];
    const acknowledged: number[] = [];
    let exited = false;
    void server.exited.then(() => {
      exited = true;
    });

    const calls = [
      () => query(server.url, "post.list", { limit: 20 }),
      () => query(server.url, "post.byId", { id: postId }),
      (token?: string) => query(server.url, "user.me", undefined, token),
      (token?: string) =>
        mutate(server.url, "post.create", { title: "w", content: "c" }, { token }),
    ];
    const worker = async (index: number) => {
      const token = users[index % users.length]?.accessToken;
      const call = calls[index % calls.length] ?? calls[0];
      while (!exited) {
        const outcome: Outcome = { startedAt: Date.now() };
        outcomes.push(outcome);
        try {
          const res = await call?.(token);
          outcome.status = res?.status;
          outcome.endedAt = Date.now();
          if (res?.status === 200 && typeof res.body.result.data.title === "string") {
            if (index % calls.length === 3) acknowledged.push(res.body.result.data.id);
          }
        } catch (error) {
          outcome.error = errorCode(error);
          await sleep(5);
        }
      }
    };
    const workers = Promise.all(Array.from({ length: 12 }, (_, index) => worker(index)));

    await sleep(800);
    const signalledAt = Date.now();
    server.process.kill("SIGTERM");
    const code = await server.exited;
    await workers;

    expect(code).toBe(0);
    const answered = outcomes.filter((outcome) => outcome.status !== undefined);
    const refused = outcomes.filter((outcome) => outcome.error !== undefined);
    // The signal really came mid-load: requests sent before it were answered after it.
    const inFlight = answered.filter(
      (outcome) => outcome.startedAt < signalledAt && (outcome.endedAt ?? 0) > signalledAt,
    );
    expect(inFlight.length).toBeGreaterThan(0);
    expect(answered.filter((outcome) => outcome.status !== 200)).toEqual([]);
    // Requests with no answer were refused at the connection: the port closed (ECONNREFUSED), or
    // an idle kept-alive socket was closed as the request went out (reset; RFC 9112 §9.3.1).
    const connectionLevel = ["ECONNREFUSED", "ECONNRESET", "UND_ERR_SOCKET"];
    expect(refused.filter((outcome) => !connectionLevel.includes(outcome.error ?? ""))).toEqual([]);
    expect(acknowledged.length).toBeGreaterThan(0);
    const stored = readDatabase(server.dataDir, (db) =>
      db
        .prepare("SELECT id FROM posts")
        .all()
        .map((row) => (row as { id: number }).id),
    );
    expect(acknowledged.filter((id) => !stored.includes(id))).toEqual([]);
  });
});
