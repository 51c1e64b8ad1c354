import { describe, expect, it } from "vitest";
import { createLimiter } from "./hashing-slots.js";

/** A task that records when it runs and finishes only when `finish()` is called. */
function gatedTask(log: string[], name: string) {
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const task = async () => {
    log.push(`start ${name}`);
    await done;
    log.push(`end ${name}`);
    return name;
  };
  return { task, finish: () => finish() };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("createLimiter", () => {
  it("runs at most `slots` tasks at once and starts the waiting ones in arrival order", async () => {
    const limit = createLimiter(1);
    const log: string[] = [];
    const [a, b, c] = [gatedTask(log, "a"), gatedTask(log, "b"), gatedTask(log, "c")];
    const results = [limit(a.task), limit(b.task), limit(c.task)];
    await tick();
    expect(log).toEqual(["start a"]);
    a.finish();
    await tick();
    expect(log).toEqual(["start a", "end a", "start b"]);
    b.finish();
    c.finish();
    expect(await Promise.all(results)).toEqual(["a", "b", "c"]);
    expect(log).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
  });

  it("frees the slot of a task that fails, so the next one still runs", async () => {
    const limit = createLimiter(1);
    const failed = limit(() => Promise.reject(new Error("argon2 failed")));
    const next = limit(async () => "ran");
    await expect(failed).rejects.toThrow("argon2 failed");
    expect(await next).toBe("ran");
  });

  it("lets two tasks overlap when there are two slots", async () => {
    const limit = createLimiter(2);
    const log: string[] = [];
    const [a, b] = [gatedTask(log, "a"), gatedTask(log, "b")];
    const results = [limit(a.task), limit(b.task)];
    await tick();
    expect(log).toEqual(["start a", "start b"]);
    a.finish();
    b.finish();
    await Promise.all(results);
  });
});
