// SIGTERM stops accepting, lets requests in flight finish, closes the database and exits 0.
import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { spawnServer } from "./support/spawn-server.js";
import { query } from "./support/trpc-http.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("graceful shutdown", () => {
  it("finishes a request in flight after SIGTERM, then exits 0", async () => {
    const server = await spawnServer();
    const body = JSON.stringify({
      username: "late_writer",
      email: "late@example.com",
      password: "long enough password",
    });
    const { hostname, port } = new URL(server.url);
    // The body arrives in two halves around the signal: the request is in flight throughout.
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        {
          hostname,
          port,
          method: "POST",
          path: "/trpc/auth.register",
          headers: {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
          },
        },
        (res) => {
          let text = "";
          res.on("data", (chunk) => {
            text += chunk;
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on("error", reject);
      req.write(body.slice(0, 20));
      setTimeout(async () => {
        server.process.kill("SIGTERM");
        await sleep(300);
        req.end(body.slice(20));
      }, 100);
    });
    const result = await answer;
    expect(result.status).toBe(200);
    expect(JSON.parse(result.text).result.data.user.username).toBe("late_writer");
    // 0, not the forced exit's 1: the finished request's keep-alive socket did not hold the
    // shutdown open until the grace period ran out.
    expect(await server.exited).toBe(0);
    expect(server.logs()).toMatch(/"msg":"stopped"/);
  });

  it("exits 0 promptly on SIGINT when idle, even with a keep-alive connection open", async () => {
    const server = await spawnServer();
    expect((await query(server.url, "post.list")).status).toBe(200); // fetch keeps the socket
    // An open keep-alive socket would hold the close until the forced exit, which exits 1.
    expect(await server.stop("SIGINT")).toBe(0);
  });
});
