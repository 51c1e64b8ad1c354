// What each benchmark asks the server, and the fixtures it needs (a token, a deep cursor),
// obtained through Folio's own API so they are real.
import type { Workload } from "./load.js";
import { BENCH_PASSWORD, type SeedSize, userName } from "./seed.js";
import { commentedPost, draftIds, EDITOR_USER } from "./seed-extras.js";

export const WORKLOAD_NAMES = [
  "list",
  "byId",
  "create",
  "deepPage",
  "me",
  "comments",
  "publish",
] as const;
export type WorkloadName = (typeof WORKLOAD_NAMES)[number];
/** The workloads the peers run by default (the newer ones compare with the ceiling only). */
export const PEER_WORKLOAD_NAMES = ["list", "byId", "create", "deepPage", "me"] as const;

export interface Fixtures {
  token: string;
  /** An editor's token (publishes other people's drafts). */
  editorToken: string;
  deepCursor: string;
  /** Posts with ids 1..seededPosts exist. */
  seededPosts: number;
  /** The post with a 200-comment thread. */
  commentedPost: number;
  /** Drafts first..first+count-1, by others than the editor. */
  drafts: { first: number; count: number };
}

export const query = (procedure: string, input: unknown) =>
  `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`;

const json = { "content-type": "application/json" };

export function loginWorkload(): Workload {
  return {
    path: "/trpc/auth.login",
    method: "POST",
    headers: json,
    body: JSON.stringify({ login: userName(1), password: BENCH_PASSWORD }),
  };
}

export function workloads(fixtures: Fixtures): Record<WorkloadName, Workload> {
  const bearer = { authorization: `Bearer ${fixtures.token}` };
  return {
    list: { path: query("post.list", { limit: 10 }) },
    byId: {
      path: query("post.byId", { id: 1 }),
      requests: [
        {
          setupRequest: (request) => {
            const id = 1 + Math.floor(Math.random() * fixtures.seededPosts);
            return { ...request, path: query("post.byId", { id }) };
          },
        },
      ],
    },
    create: {
      path: "/trpc/post.create",
      method: "POST",
      headers: { ...json, ...bearer },
      body: JSON.stringify({
        title: "A benchmark post",
        content: "Written by the load driver. ".repeat(12).trim(),
      }),
    },
    deepPage: { path: query("post.list", { limit: 10, cursor: fixtures.deepCursor }) },
    me: { path: "/trpc/user.me", headers: bearer },
    comments: { path: query("comment.list", { postId: fixtures.commentedPost }) },
    publish: publishWorkload(fixtures),
  };
}

// Every request needs a draft: the k-th publishes draft k of the pool, shared by every server
// in turn. Past the pool's end the next pass unpublishes them, the one after publishes again, so
// a long run never degenerates into publishing what is already published.
let publishes = 0;
function publishWorkload(fixtures: Fixtures): Workload {
  const { first, count } = fixtures.drafts;
  const request = (k: number) => ({
    path: Math.floor(k / count) % 2 === 0 ? "/trpc/post.publish" : "/trpc/post.unpublish",
    body: JSON.stringify({ id: first + (k % count) }),
  });
  return {
    ...request(0),
    method: "POST",
    headers: { ...json, authorization: `Bearer ${fixtures.editorToken}` },
    requests: [{ setupRequest: (req) => ({ ...req, ...request(publishes++) }) }],
  };
}

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  const body = (await res.json()) as { result?: { data: T }; error?: unknown };
  if (!res.ok || !body.result) {
    throw new Error(`${url} answered ${res.status}: ${JSON.stringify(body.error)}`);
  }
  return body.result.data;
}

export async function login(baseUrl: string, user = 1): Promise<string> {
  const session = await call<{ accessToken: string }>(`${baseUrl}/trpc/auth.login`, {
    method: "POST",
    headers: json,
    body: JSON.stringify({ login: userName(user), password: BENCH_PASSWORD }),
  });
  return session.accessToken;
}

/** Walks the feed page by page (50 a page) and returns the cursor after `depth` posts. */
export async function walkFeed(baseUrl: string, depth: number): Promise<string> {
  let cursor: string | undefined;
  for (let seen = 0; seen < depth; seen += 50) {
    const page = await call<{ nextCursor: string | null }>(
      baseUrl + query("post.list", cursor ? { limit: 50, cursor } : { limit: 50 }),
    );
    if (!page.nextCursor) throw new Error(`the feed ended before ${depth} posts`);
    cursor = page.nextCursor;
  }
  if (!cursor) throw new Error("walkFeed needs a depth of at least one page");
  return cursor;
}

export async function fetchFixtures(baseUrl: string, size: SeedSize): Promise<Fixtures> {
  const token = await login(baseUrl);
  const editorToken = await login(baseUrl, EDITOR_USER);
  const deepCursor = await walkFeed(baseUrl, Math.floor(size.posts / 2));
  return {
    token,
    editorToken,
    deepCursor,
    seededPosts: size.posts,
    commentedPost: commentedPost(size),
    drafts: draftIds(size),
  };
}
