// What a developer importing Folio's router gets: `AppRouter` through the package's exports
// (the built .d.ts, exactly as another package sees it) types every call. Checked by `tsc`.
import type { AppRouter, RouterInputs, RouterOutputs } from "@folio/api";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { expectTypeOf } from "vitest";

expectTypeOf<AppRouter>().not.toBeAny();
expectTypeOf<RouterInputs["post"]["create"]>().toEqualTypeOf<{
  title: string;
  content: string;
  status?: "draft" | "pending" | "published" | undefined;
  publishAt?: string | undefined;
}>();
expectTypeOf<RouterOutputs["post"]["byId"]["status"]>().toEqualTypeOf<
  "draft" | "pending" | "scheduled" | "published"
>();
expectTypeOf<RouterOutputs["user"]["me"]["role"]>().toEqualTypeOf<
  "reader" | "contributor" | "author" | "editor" | "admin" | "owner"
>();
expectTypeOf<RouterOutputs["post"]["byId"]["author"]["username"]>().toEqualTypeOf<string>();
expectTypeOf<RouterOutputs["auth"]["login"]["tokenType"]>().toEqualTypeOf<"bearer">();

const folio = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: "http://127.0.0.1:3000/trpc" })],
});

// Never called: these lines exist for the compiler.
export async function wrongCallsAreTypeErrors() {
  // @ts-expect-error a post's title is a string
  await folio.post.create.mutate({ title: 1, content: "text" });
  // @ts-expect-error post.list is a query, not a mutation
  await folio.post.list.mutate({});
  // @ts-expect-error no client can choose the author
  await folio.post.create.mutate({ title: "t", content: "c", authorId: 2 });
  // @ts-expect-error there is no such procedure
  await folio.post.remove.mutate({ id: 1 });
  // @ts-expect-error a post's status changes only through publish, unpublish and submit
  await folio.post.update.mutate({ id: 1, status: "published" });
  const page = await folio.post.list.query({ limit: 10 });
  // @ts-expect-error a post has no `body`; it is `content`
  page.items[0]?.body;
}
