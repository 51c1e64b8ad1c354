// Comments as people use them: write (with a preview), reply, edit, and delete by each of the
// three parties (the comment's author, the post's author, an editor) with the placeholder a
// deleted comment leaves; and Markdown that cannot run, draw or fetch anything.
import type { Session } from "@folio/api";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { apiClient, registerUser } from "./support/api";
import { seriousViolations } from "./support/axe";
import { describeInBrowser } from "./support/browser";
import { recordEscapes } from "./support/escapes";
import { useFolio } from "./support/folio";

describeInBrowser("comments", () => {
  // useFolio registers the site's owner first, so that the people of these tests are ordinary
  // authors; the owner appoints the editor.
  const folio = useFolio();

  const api = (session?: Session) => apiClient(folio.url, session?.accessToken);
  const listOf = async (postId: number) => (await api().comment.list.query({ postId })).items;
  const commentBox = (page: Page, label: string) => page.getByLabel(label, { exact: true });

  it("lets people write, preview, reply, edit and delete, each party as allowed", async () => {
    const [alice, bob, carol, dave] = await Promise.all(
      ["alice", "bob", "carol", "dave"].map((name) => registerUser(folio.url, name)),
    );
    if (!alice || !bob || !carol || !dave) throw new Error("registration failed");
    await api(folio.owner).admin.setRole.mutate({ userId: dave.user.id, role: "editor" });
    const bobName = bob.user.username;
    const post = await api(alice).post.create.mutate({ title: "Open thread", content: "Talk." });

    // Bob writes, previewing first (the tabs work from the keyboard too).
    const bobs = await folio.newPage(bob);
    await bobs.goto(`/posts/${post.id}`);
    await bobs.getByText("No comments yet.").waitFor();
    await commentBox(bobs, "Add a comment").fill("First, and **bold**.");
    await bobs.getByRole("tab", { name: "Write" }).focus();
    await bobs.keyboard.press("ArrowRight");
    expect(await bobs.getByRole("tab", { name: "Preview" }).getAttribute("aria-selected")).toBe(
      "true",
    );
    await bobs.getByRole("tabpanel").locator("strong", { hasText: "bold" }).waitFor();
    await bobs.getByRole("button", { name: "Post comment" }).click();
    const comments = bobs.getByRole("list", { name: "Comments" });
    await comments.locator("strong", { hasText: "bold" }).waitFor();
    await bobs.getByRole("status").filter({ hasText: "Comment posted." }).waitFor();
    expect(await commentBox(bobs, "Add a comment").inputValue()).toBe("");
    // An empty comment is refused before it is sent.
    await bobs.getByRole("button", { name: "Post comment" }).click();
    await bobs.getByText("Comment is required").waitFor();
    const [first] = await listOf(post.id);
    if (!first) throw new Error("bob's comment is missing");

    // Carol answers; she may neither edit nor delete Bob's words.
    const carols = await folio.newPage(carol);
    await carols.goto(`/posts/${post.id}`);
    await carols.getByRole("button", { name: `Reply to ${bobName}` }).click();
    await commentBox(carols, `Reply to ${bobName}`).fill("A reply from Carol.");
    await carols.getByRole("button", { name: "Post reply" }).click();
    const replies = carols.getByRole("list", { name: `Replies to ${bobName}` });
    await replies.getByText("A reply from Carol.").waitFor();
    // On her own reply she may; on Bob's comment she has neither Edit nor Delete.
    const carolsReply = carols.getByRole("article", { name: carol.user.username, exact: true });
    await carolsReply.getByRole("button", { name: "Edit your comment" }).waitFor();
    const bobsComment = carols.getByRole("article", { name: bobName, exact: true });
    expect(await bobsComment.getByRole("button").allTextContents()).toEqual(["Reply"]);
    expect(await seriousViolations(carols)).toEqual([]);

    // Bob edits his comment: "edited" shows.
    await bobs.reload();
    await bobs.getByRole("button", { name: "Edit your comment" }).click();
    const editBox = commentBox(bobs, "Edit your comment");
    expect(await editBox.inputValue()).toBe("First, and **bold**.");
    await editBox.fill("First, edited.");
    await bobs.getByRole("button", { name: "Save", exact: true }).click();
    await comments.getByText("First, edited.").waitFor();
    await comments.getByText("edited", { exact: true }).waitFor();

    // Alice, the post's author, deletes Bob's comment: Carol's reply stays under a placeholder.
    const alices = await folio.newPage(alice);
    await alices.goto(`/posts/${post.id}`);
    expect(await alices.getByRole("button", { name: "Edit your comment" }).count()).toBe(0);
    await alices.getByRole("button", { name: `Delete ${bobName}'s comment` }).click();
    await alices
      .getByRole("dialog", { name: "Delete this comment?" })
      .getByRole("button", {
        name: "Delete comment",
      })
      .click();
    await alices.getByText("This comment was deleted.").waitFor();
    await alices.getByText("A reply from Carol.").waitFor();
    expect(await listOf(post.id)).toMatchObject([
      { id: first.id, deleted: true, body: "", author: null },
      { parentId: first.id, body: "A reply from Carol." },
    ]);

    // Carol deletes her own reply, the last one: the placeholder goes with it.
    await carols.reload();
    await carols.getByRole("button", { name: "Delete your comment" }).click();
    await carols.getByRole("button", { name: "Delete comment" }).click();
    await carols.getByText("No comments yet.").waitFor();
    await carols.getByRole("status").filter({ hasText: "Comment deleted." }).waitFor();
    expect(await carols.getByText("This comment was deleted.").count()).toBe(0);
    expect(await listOf(post.id)).toEqual([]);

    // Dave, an editor, deletes anyone's comment.
    await api(bob).comment.create.mutate({ postId: post.id, body: "Bob again." });
    const daves = await folio.newPage(dave);
    await daves.goto(`/posts/${post.id}`);
    await daves.getByRole("button", { name: `Delete ${bobName}'s comment` }).click();
    await daves.getByRole("button", { name: "Delete comment" }).click();
    await daves.getByText("No comments yet.").waitFor();
    expect(await listOf(post.id)).toEqual([]);
  });

  it("renders Markdown without running, drawing or fetching anything a writer typed", async () => {
    const mallory = await registerUser(folio.url, "mallory");
    const hostile = [
      "[x](javascript:alert(1)) [y](JaVaScRiPt:alert(2)) [z](java&#x09;script:alert(3))",
      "",
      '<img src=x onerror="alert(4)"> <script>alert(5)</script>',
      "",
      "![a](http://example.com/x.png)",
      "",
      "**safe** and [fine](https://example.com/page)",
    ].join("\n");
    const post = await api(mallory).post.create.mutate({
      title: "<b>Not bold</b>",
      content: hostile,
    });
    await api(mallory).comment.create.mutate({ postId: post.id, body: hostile });

    const page = await folio.newPage();
    const { dialogs, elsewhere } = recordEscapes(page, folio.url);
    await page.goto(`/posts/${post.id}`);
    await page.getByRole("heading", { level: 1, name: "<b>Not bold</b>" }).waitFor();
    const rendered = page.locator(".markdown-body");
    await expect.poll(() => rendered.count()).toBe(2);
    await rendered.locator("strong", { hasText: "safe" }).nth(1).waitFor();

    expect(await rendered.locator("img, script, iframe").count()).toBe(0);
    // The only pictures on the page are the site's own (the authors' avatars).
    const sources = await page
      .locator("img")
      .evaluateAll((images) => images.map((image) => (image as HTMLImageElement).src));
    expect(sources.filter((src) => !src.startsWith(folio.url))).toEqual([]);
    expect(await rendered.getByText('<img src=x onerror="alert(4)">').count()).toBe(2);
    for (const name of ["x", "y", "z"]) {
      expect(await rendered.getByRole("link", { name, exact: true }).count()).toBe(0);
      expect(await rendered.getByText(name, { exact: true }).count()).toBe(2);
    }
    const image = rendered.getByRole("link", { name: "Image: a" }).first();
    expect(await image.getAttribute("href")).toBe("http://example.com/x.png");
    expect(await image.getAttribute("rel")).toBe("nofollow ugc noopener noreferrer");
    const fine = rendered.getByRole("link", { name: "fine" }).first();
    expect(await fine.getAttribute("rel")).toBe("nofollow ugc noopener noreferrer");
    expect(await page.title()).toBe("<b>Not bold</b> · Folio");
    // Clicking where the script links were does nothing either.
    await rendered.getByText("x", { exact: true }).first().click();
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(elsewhere).toEqual([]);
    expect(new URL(page.url()).pathname).toBe(`/posts/${post.id}`);
  });
});
