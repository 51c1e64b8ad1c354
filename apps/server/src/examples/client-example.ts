// A typed Node client of Folio's API: registers, logs in, writes a post, lists posts.
// Only the router's *type* comes from @folio/api, so no server code runs here.
//
//   node apps/server/dist/examples/client-example.js http://127.0.0.1:3000
//
// Prints one JSON line per step; exits non-zero on any failure.
import type { AppRouter } from "@folio/api";
import { createTRPCClient, httpBatchLink } from "@trpc/client";

const baseUrl = process.argv[2] ?? process.env.FOLIO_URL ?? "http://127.0.0.1:3000";

let accessToken: string | null = null;

const client = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: `${baseUrl}/trpc`,
      // The server refuses batches of more than 10 calls.
      maxItems: 10,
      headers: () => (accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
    }),
  ],
});

function report(step: string, details: Record<string, unknown>): void {
  console.log(JSON.stringify({ step, ...details }));
}

async function main(): Promise<void> {
  const username = `example_${Date.now().toString(36)}`;
  const password = "an example password";

  const registered = await client.auth.register.mutate({
    username,
    email: `${username}@example.com`,
    password,
  });
  report("registered", { userId: registered.user.id, username: registered.user.username });

  const session = await client.auth.login.mutate({ login: username, password });
  accessToken = session.accessToken;
  report("logged in", { expiresAt: session.expiresAt });

  const post = await client.post.create.mutate({
    title: "Hello from the example client",
    content: "Written through @trpc/client with the AppRouter type.",
  });
  report("created post", { postId: post.id, author: post.author.username });

  const page = await client.post.list.query({ limit: 5 });
  report("listed posts", {
    count: page.items.length,
    titles: page.items.map((item) => item.title),
    newestIsOurs: page.items[0]?.id === post.id,
  });
}

main().catch((error: unknown) => {
  console.error("example failed:", error instanceof Error ? error.message : error);
  process.exit(1);
});
