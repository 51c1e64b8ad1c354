// Type-level checks, run by `tsc` (the package's typecheck), not by vitest: the router's
// inferred types are exactly API.md's shapes, and the typed client refuses wrong input.
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { expectTypeOf } from "vitest";
import type { AppRouter, RouterInputs, RouterOutputs } from "./index.js";

// API.md "Shapes", written out here rather than imported, so a drift in dto.ts shows up.
type PublicUser = { id: number; username: string; imageUrl: string | null; createdAt: string };
// Spelled out flat: expectTypeOf tells an intersection from the equivalent object type.
type PrivateUser = {
  id: number;
  username: string;
  imageUrl: string | null;
  createdAt: string;
  email: string;
  emailVerified: boolean;
  role: Role;
};
type Role = "reader" | "contributor" | "author" | "editor" | "admin" | "owner";
type AdminUser = PrivateUser & { suspended: boolean; lastSeenAt: string | null; postCount: number };
type PostStatus = "draft" | "pending" | "scheduled" | "published";
type Post = {
  id: number;
  title: string;
  content: string;
  status: PostStatus;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  author: PublicUser;
  commentCount: number;
};
type Comment = {
  id: number;
  postId: number;
  parentId: number | null;
  body: string;
  author: PublicUser | null;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
};
type Page<T> = { items: T[]; nextCursor: string | null };
type Session = { accessToken: string; tokenType: "bearer"; expiresAt: string; user: PrivateUser };
type Ok = { ok: true };

expectTypeOf<AppRouter>().not.toBeAny();
expectTypeOf<RouterOutputs>().not.toBeAny();
expectTypeOf<RouterInputs>().not.toBeAny();

expectTypeOf<RouterOutputs["auth"]["register"]>().toEqualTypeOf<Session>();
expectTypeOf<RouterOutputs["auth"]["login"]>().toEqualTypeOf<Session>();
expectTypeOf<RouterOutputs["auth"]["logoutAll"]>().toEqualTypeOf<Ok>();
expectTypeOf<RouterOutputs["user"]["me"]>().toEqualTypeOf<PrivateUser>();
expectTypeOf<RouterOutputs["user"]["byId"]>().toEqualTypeOf<PublicUser>();
expectTypeOf<RouterOutputs["user"]["update"]>().toEqualTypeOf<PrivateUser>();
expectTypeOf<RouterOutputs["user"]["changePassword"]>().toEqualTypeOf<Session>();
expectTypeOf<RouterOutputs["user"]["delete"]>().toEqualTypeOf<Ok>();
expectTypeOf<RouterOutputs["user"]["setPicture"]>().toEqualTypeOf<PrivateUser>();
expectTypeOf<RouterOutputs["user"]["removePicture"]>().toEqualTypeOf<PrivateUser>();
// The picture travels as a multipart form: the typed client takes a FormData, nothing else.
expectTypeOf<RouterInputs["user"]["setPicture"]>().toEqualTypeOf<FormData>();
expectTypeOf<RouterInputs["user"]["removePicture"]>().toEqualTypeOf<{ id: number }>();
expectTypeOf<RouterOutputs["post"]["list"]>().toEqualTypeOf<Page<Post>>();
expectTypeOf<RouterOutputs["post"]["byUser"]>().toEqualTypeOf<Page<Post>>();
expectTypeOf<RouterOutputs["post"]["byId"]>().toEqualTypeOf<Post>();
expectTypeOf<RouterOutputs["post"]["create"]>().toEqualTypeOf<Post>();
expectTypeOf<RouterOutputs["post"]["update"]>().toEqualTypeOf<Post>();
expectTypeOf<RouterOutputs["post"]["delete"]>().toEqualTypeOf<Ok>();
expectTypeOf<RouterOutputs["post"]["preview"]>().toEqualTypeOf<Post>();
expectTypeOf<RouterOutputs["post"]["mine"]>().toEqualTypeOf<Page<Post>>();
expectTypeOf<RouterOutputs["post"]["review"]>().toEqualTypeOf<Page<Post>>();
expectTypeOf<RouterOutputs["post"]["publish"]>().toEqualTypeOf<Post>();
expectTypeOf<RouterOutputs["post"]["unpublish"]>().toEqualTypeOf<Post>();
expectTypeOf<RouterOutputs["post"]["submit"]>().toEqualTypeOf<Post>();
expectTypeOf<RouterOutputs["comment"]["list"]>().toEqualTypeOf<Page<Comment>>();
expectTypeOf<RouterOutputs["comment"]["create"]>().toEqualTypeOf<Comment>();
expectTypeOf<RouterOutputs["comment"]["update"]>().toEqualTypeOf<Comment>();
expectTypeOf<RouterOutputs["comment"]["delete"]>().toEqualTypeOf<Ok>();
expectTypeOf<RouterInputs["comment"]["create"]>().toEqualTypeOf<{
  postId: number;
  parentId?: number | null | undefined;
  body: string;
}>();
expectTypeOf<RouterOutputs["admin"]["users"]["items"][number]>().toMatchTypeOf<AdminUser>();
expectTypeOf<RouterOutputs["admin"]["setRole"]>().toMatchTypeOf<AdminUser>();
expectTypeOf<RouterOutputs["admin"]["transferOwnership"]>().toEqualTypeOf<Ok>();
// The owner is reached only by a transfer: setRole's input has no "owner".
expectTypeOf<RouterInputs["admin"]["setRole"]["role"]>().toEqualTypeOf<
  "reader" | "contributor" | "author" | "editor" | "admin"
>();

// A public user has no email, and a private one has no password hash.
expectTypeOf<RouterOutputs["user"]["byId"]>().not.toHaveProperty("email");
expectTypeOf<RouterOutputs["user"]["me"]>().not.toHaveProperty("passwordHash");

expectTypeOf<RouterInputs["post"]["create"]>().toEqualTypeOf<{
  title: string;
  content: string;
  status?: "draft" | "pending" | "published" | undefined;
  publishAt?: string | undefined;
}>();
expectTypeOf<RouterInputs["auth"]["login"]>().toEqualTypeOf<{ login: string; password: string }>();

// Building a client sends nothing; the calls below are only type-checked, never run.
const client = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: "http://127.0.0.1:9/trpc" })],
});

export function wrongCallsAreTypeErrors() {
  // @ts-expect-error title must be a string
  void client.post.create.mutate({ title: 1, content: "c" });
  // @ts-expect-error authorId is not part of the input
  void client.post.create.mutate({ title: "t", content: "c", authorId: 2 });
  // @ts-expect-error nobody writes a comment in another's name
  void client.comment.create.mutate({ postId: 1, body: "b", authorId: 2 });
  // @ts-expect-error the status is never part of an update
  void client.post.update.mutate({ id: 1, title: "t", status: "published" });
  // @ts-expect-error nobody is made the owner through setRole
  void client.admin.setRole.mutate({ userId: 2, role: "owner" });
  // @ts-expect-error login needs a password
  void client.auth.login.mutate({ login: "alice" });
  // @ts-expect-error no such procedure
  void client.post.remove.mutate({ id: 1 });
  // @ts-expect-error a query is not a mutation
  void client.user.me.mutate();
  // @ts-expect-error a picture is sent as FormData, not as JSON
  void client.user.setPicture.mutate({ id: 1, image: "me.png" });
  expectTypeOf(client.user.setPicture.mutate).returns.resolves.toEqualTypeOf<PrivateUser>();
  expectTypeOf(client.user.me.query).returns.resolves.toEqualTypeOf<PrivateUser>();
}
