// `pnpm --filter @folio/bench levers`: one lever at a time, A against B in this one process, on
// the bench's seeded database. The same requests go through both variants in alternating
// blocks, and each figure is this process's CPU time per request (median over blocks). No load
// driver and no sockets share the cores, so a difference of a few microseconds shows up even on
// a busy machine, where `pnpm bench`'s CPU per request moves by ±20% from run to run.
import { createHmac, createSecretKey } from "node:crypto";
import { createMailDeps, createRateLimits } from "@folio/api";
import {
  createDb,
  findPostById,
  listPosts,
  selectPostById,
  selectPostPage,
  toIsoString,
} from "@folio/db";
import { handleTrpcRequest, trpcOptions } from "@folio/server";
import { fastifyTRPCPlugin } from "@trpc/server/adapters/fastify";
import Fastify, { type FastifyInstance } from "fastify";
import { freshDatabase } from "./data-cache.js";
import { BENCH_PASSWORD, userName } from "./seed.js";
import { query } from "./workloads.js";

const BLOCKS = Number(process.env.LEVER_BLOCKS ?? 12);
const PER_BLOCK = Number(process.env.LEVER_PER_BLOCK ?? 400);

type Op = (i: number) => Promise<unknown>;

/** CPU µs per call of each op, alternating blocks (A B, B A, …); median over blocks. */
async function ab(a: Op, b: Op): Promise<[number, number]> {
  const samples: [number[], number[]] = [[], []];
  const ops = [a, b];
  for (let i = 0; i < PER_BLOCK; i++) for (const op of ops) await op(i); // warm-up
  for (let block = 0; block < BLOCKS; block++) {
    for (const side of block % 2 === 0 ? [0, 1] : [1, 0]) {
      const op = ops[side] as Op;
      const start = process.cpuUsage();
      for (let i = 0; i < PER_BLOCK; i++) await op(block * PER_BLOCK + i);
      const used = process.cpuUsage(start);
      samples[side]?.push((used.user + used.system) / PER_BLOCK);
    }
  }
  const median = (values: number[]) => {
    const sorted = [...values].sort((x, y) => x - y);
    return Math.round((sorted[Math.floor(sorted.length / 2)] ?? 0) * 10) / 10;
  };
  return [median(samples[0]), median(samples[1])];
}

async function hosts(dbPath: string) {
  const db = createDb(`sqlite:${dbPath}`);
  const auth = { secret: new TextEncoder().encode("x".repeat(32)), ttlSeconds: 3600 };
  const deps = {
    db: db.db,
    auth,
    limits: createRateLimits(
      { loginPerIp: 0, loginPerAccount: 0, registerPerIp: 0 },
      { kind: "memory" },
    ),
    // No lever touches mail: an outbox whose transport drops every message (never started).
    mail: createMailDeps(db.db, {
      from: "Folio <bench@localhost>",
      transport: { description: "discard", async send() {}, close() {} },
      log: { info() {}, error() {} },
      publicUrl: "http://127.0.0.1",
      tokens: { resetTtlSeconds: 3600, verifyTtlSeconds: 86400 },
    }),
  };
  const options = trpcOptions(deps);
  const stock = Fastify({ routerOptions: { maxParamLength: 2000 } });
  await stock.register(fastifyTRPCPlugin, { prefix: "/trpc", trpcOptions: options });
  const folio = Fastify({ routerOptions: { maxParamLength: 2000 } });
  await folio.register(
    async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser("*", { parseAs: "buffer" }, (_r, body, done) => done(null, body));
      scope.all<{ Params: { path: string } }>("/:path", (request, reply) =>
        handleTrpcRequest(options, request, reply, request.params.path),
      );
    },
    { prefix: "/trpc" },
  );
  // A real session (tokens name one): log in as a seeded user through the host itself.
  const login = await folio.inject({
    method: "POST",
    url: "/trpc/auth.login",
    headers: { "content-type": "application/json" },
    payload: JSON.stringify({ login: userName(1), password: BENCH_PASSWORD }),
  });
  const token = (login.json() as { result: { data: { accessToken: string } } }).result.data
    .accessToken;
  return { stock, folio, token, db: db.db, close: () => db.close() };
}

function injector(app: FastifyInstance, path: (i: number) => string, headers = {}): Op {
  return async (i) => {
    const res = await app.inject({ method: "GET", url: path(i), headers });
    if (res.statusCode !== 200) throw new Error(`${path(i)}: ${res.statusCode} ${res.body}`);
  };
}

async function main(): Promise<void> {
  const seeded = await freshDatabase("levers", { users: 100, posts: 10_000 });
  const { stock, folio, token, db, close } = await hosts(seeded.path);
  const paths: Record<string, [(i: number) => string, Record<string, string>]> = {
    list: [() => query("post.list", { limit: 10 }), {}],
    byId: [(i) => query("post.byId", { id: 1 + ((i * 7919) % 10_000) }), {}],
    me: [() => "/trpc/user.me", { authorization: `Bearer ${token}` }],
  };
  console.log(
    `host glue: tRPC's Fastify adapter vs Folio's (CPU µs per request, ${BLOCKS}×${PER_BLOCK})`,
  );
  for (const [name, [path, headers]] of Object.entries(paths)) {
    const [a, b] = await ab(injector(stock, path, headers), injector(folio, path, headers));
    console.log(
      `  ${name.padEnd(6)} stock ${a}  folio ${b}  saved ${Math.round((a - b) * 10) / 10} (${Math.round((1 - b / a) * 100)}%)`,
    );
  }

  console.log("Kysely: build + compile per call vs a template compiled once (CPU µs per query)");
  const cases: [string, Op, Op][] = [
    [
      "byId",
      (i) => selectPostById(db, 1 + ((i * 7919) % 10_000)).executeTakeFirst(),
      (i) => findPostById(db, 1 + ((i * 7919) % 10_000)),
    ],
    ["list", () => selectPostPage(db, { limit: 11 }).execute(), () => listPosts(db, { limit: 11 })],
  ];
  for (const [name, fresh, template] of cases) {
    const [a, b] = await ab(fresh, template);
    console.log(
      `  ${name.padEnd(6)} fresh ${a}  template ${b}  saved ${Math.round((a - b) * 10) / 10}`,
    );
  }

  console.log("timestamps: parse + re-format vs pass-through (CPU µs per feed page, 31 values)");
  const page = await listPosts(db, { limit: 10 });
  const stamps = page.flatMap((row) => [row.created_at, row.updated_at, row.author_created_at]);
  stamps.push(page[0]?.created_at ?? "");
  const reformat = (value: Date | string) =>
    (value instanceof Date ? value : new Date(value)).toISOString();
  const [a, b] = await ab(
    async () => stamps.map(reformat),
    async () => stamps.map(toIsoString),
  );
  console.log(`  list   parse ${a}  pass-through ${b}  saved ${Math.round((a - b) * 10) / 10}`);

  console.log("cursor MAC: raw key bytes vs a cached KeyObject (CPU µs per MAC)");
  const rawKey = createHmac("sha256", "bench").update("folio:cursor:v1").digest();
  const keyObject = createSecretKey(rawKey);
  const body = Buffer.from(JSON.stringify([stamps[0], 1234])).toString("base64url");
  const [raw, cached] = await ab(
    async () => createHmac("sha256", rawKey).update(body).digest(),
    async () => createHmac("sha256", keyObject).update(body).digest(),
  );
  console.log(
    `  mac    raw ${raw}  KeyObject ${cached}  saved ${Math.round((raw - cached) * 10) / 10}`,
  );
  await close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
