import type { Session } from "@folio/api";
import { expect, it } from "vitest";
import { apiClient, outcome, registerUser } from "./support/api";
import { describeInBrowser } from "./support/browser";
import { useFolio } from "./support/folio";

describeInBrowser("posts and their owners", () => {
  const folio = useFolio();
  const postBy = (session: Session, title: string) =>
    apiClient(folio.url, session.accessToken).post.create.mutate({ title, content: "Some text." });

  it("shows another person's post to B without Edit or Delete, and B cannot edit it", async () => {
    const [alice, bob] = await Promise.all([
      registerUser(folio.url, "alice"),
      registerUser(folio.url, "bob"),
    ]);
    const post = await postBy(alice, "Alice's thoughts");
    const page = await folio.newPage(bob);
    await page.goto(`/posts/${post.id}`);
    await page.getByRole("heading", { level: 1, name: "Alice's thoughts" }).waitFor();
    expect(await page.getByRole("link", { name: "Edit" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Delete" }).count()).toBe(0);

    await page.goto(`/posts/${post.id}/edit`);
    await page.getByRole("heading", { name: "Not authorized" }).waitFor();
    expect(await page.getByLabel("Title").count()).toBe(0);
    expect(await apiClient(folio.url).post.byId.query({ id: post.id })).toEqual(post);
  });

  it("shows the not-authorized dialog when the server answers a forced delete with 403", async () => {
    const [alice, bob] = await Promise.all([
      registerUser(folio.url, "alice"),
      registerUser(folio.url, "bob"),
    ]);
    const post = await postBy(alice, "Not yours");
    // Bob's token, but the page believes it is Alice: the UI offers Delete, the server decides.
    const page = await folio.newPage({ ...bob, user: alice.user });
    await page.goto(`/posts/${post.id}`);
    await page.getByRole("button", { name: "Delete" }).click();
    const confirm = page.getByRole("dialog", { name: "Delete this post?" });
    await confirm.getByRole("button", { name: "Delete post" }).click();

    const refusal = page.getByRole("dialog", { name: "Not authorized" });
    await refusal.waitFor();
    expect(
      await refusal
        .getByRole("button", { name: "OK" })
        .evaluate((b) => b === document.activeElement),
    ).toBe(true);
    await refusal.getByRole("button", { name: "OK" }).click();
    await refusal.waitFor({ state: "hidden" });
    expect(await apiClient(folio.url).post.byId.query({ id: post.id })).toEqual(post);
  });

  it("lets B edit and then delete B's own post", async () => {
    const bob = await registerUser(folio.url, "bob");
    const post = await postBy(bob, "Draft title");
    const page = await folio.newPage(bob);
    await page.goto(`/posts/${post.id}`);
    await page.getByRole("link", { name: "Edit" }).click();

    const title = page.getByLabel("Title");
    await title.fill("   ");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Title is required").waitFor();
    await title.fill("Final title");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("heading", { level: 1, name: "Final title" }).waitFor();
    const api = apiClient(folio.url);
    expect((await api.post.byId.query({ id: post.id })).title).toBe("Final title");

    await page.getByRole("button", { name: "Delete" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete this post?" });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect(await outcome(api.post.byId.query({ id: post.id }))).toBe("OK");

    await page.getByRole("button", { name: "Delete" }).click();
    await dialog.getByRole("button", { name: "Delete post" }).click();
    await page.getByRole("status").filter({ hasText: "Your post was deleted." }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/");
    expect(await outcome(api.post.byId.query({ id: post.id }))).toBe("NOT_FOUND");
    expect(await page.getByRole("link", { name: "Final title" }).count()).toBe(0);
  });

  it("pages through a user's posts and shows 404 pages for unknown users and posts", async () => {
    const dora = await registerUser(folio.url, "dora");
    for (let i = 1; i <= 12; i++) await postBy(dora, `Dora post ${i}`);
    const page = await folio.newPage();
    await page.goto(`/users/${dora.user.id}`);
    await page.getByRole("heading", { name: `Posts by ${dora.user.username}` }).waitFor();
    expect(await page.getByRole("article").count()).toBe(10);
    await page.getByRole("button", { name: "Load more" }).click();
    await page.getByRole("link", { name: "Dora post 1", exact: true }).waitFor();
    expect(await page.getByRole("article").count()).toBe(12);
    expect(await page.getByRole("button", { name: "Load more" }).count()).toBe(0);
    expect(await page.title()).toBe(`Posts by ${dora.user.username} · Folio`);

    const quiet = await registerUser(folio.url, "quiet");
    await page.goto(`/users/${quiet.user.id}`);
    await page.getByText("No posts by this user yet.").waitFor();

    await page.goto("/users/999999");
    await page.getByRole("heading", { name: "User not found" }).waitFor();
    await page.goto("/posts/999999");
    await page.getByRole("heading", { name: "Post not found" }).waitFor();
    await page.goto("/no/such/page");
    await page.getByRole("heading", { name: "Page not found" }).waitFor();
  });
});
