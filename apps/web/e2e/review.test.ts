// Drafts and review, as people do them: a contributor writes and submits, an editor finds the
// post in the queue, edits and publishes it; nobody else ever saw it before. An author
// schedules. An editor demoted by an admin loses the queue on the next click.
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { apiClient, outcome, registerUser } from "./support/api";
import { describeInBrowser } from "./support/browser";
import { useFolio } from "./support/folio";
import { registerWithRole } from "./support/roles";

describeInBrowser("drafts, review and scheduling", () => {
  const folio = useFolio();
  const nav = (page: Page) => page.getByRole("navigation", { name: "Main" });
  const postIdOf = (page: Page) => Number(new URL(page.url()).pathname.split("/").pop());

  it("takes a contributor's draft through review to an editor's publication, unseen before", async () => {
    const [writer, editor, stranger] = await Promise.all([
      registerWithRole(folio, "contributor", "cora"),
      registerWithRole(folio, "editor", "ed"),
      registerUser(folio.url, "stranger"),
    ]);
    const page = await folio.newPage(writer);
    await page.goto("/posts/new");
    await page.getByRole("button", { name: "Save draft" }).waitFor();
    expect(await page.getByRole("button", { name: "Submit for review" }).count()).toBe(1);
    expect(await page.getByRole("button", { name: "Publish" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Schedule…" }).count()).toBe(0);
    await page.getByLabel("Title").fill("A quiet draft");
    await page.getByLabel("Content").fill("First words.");
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByRole("heading", { level: 1, name: "A quiet draft" }).waitFor();
    await page
      .getByRole("note")
      .filter({ hasText: "Draft — only you and editors can see this." })
      .waitFor();
    const id = postIdOf(page);

    // Nobody else can reach it: not a visitor, not another author, by any read.
    const anonymous = apiClient(folio.url);
    const other = apiClient(folio.url, stranger.accessToken);
    expect(await outcome(anonymous.post.byId.query({ id }))).toBe("NOT_FOUND");
    expect(await outcome(other.post.byId.query({ id }))).toBe("NOT_FOUND");
    expect(await outcome(other.post.preview.query({ id }))).toBe("NOT_FOUND");
    expect((await anonymous.post.list.query()).items.map((p) => p.id)).not.toContain(id);

    await page.getByRole("button", { name: "Submit for review" }).click();
    await page.getByRole("status").filter({ hasText: "Submitted for review." }).waitFor();
    await page
      .getByRole("note")
      .filter({ hasText: /^Pending review — only you and editors/ })
      .waitFor();
    expect(await page.getByRole("button", { name: "Publish" }).count()).toBe(0);
    await nav(page).getByRole("link", { name: "My posts" }).click();
    const mine = page.getByRole("article").filter({ hasText: "A quiet draft" });
    await mine.getByText("Pending review", { exact: true }).waitFor();
    await page.getByRole("link", { name: "Draft", exact: true }).click();
    await page.getByText("You have no drafts.").waitFor();
    expect(new URL(page.url()).search).toBe("?status=draft");
    expect(await outcome(anonymous.post.byId.query({ id }))).toBe("NOT_FOUND");

    const desk = await folio.newPage(editor);
    await desk.goto("/");
    await nav(desk).getByRole("link", { name: "Review" }).click();
    const queue = desk.getByRole("list", { name: "Posts waiting for review" });
    await queue.getByRole("link", { name: "A quiet draft", exact: true }).click();
    await desk
      .getByRole("note")
      .filter({ hasText: "Pending review — only its author and editors" })
      .waitFor();
    await desk.getByRole("link", { name: "Edit" }).click();
    await desk.getByLabel("Content").fill("First words, tightened by an editor.");
    await desk.getByRole("button", { name: "Save changes" }).click();
    await desk.getByRole("status").filter({ hasText: "Your changes are saved." }).waitFor();
    expect(await outcome(anonymous.post.byId.query({ id }))).toBe("NOT_FOUND");
    await desk.getByRole("button", { name: "Publish", exact: true }).click();
    await desk.getByRole("status").filter({ hasText: "The post is published." }).waitFor();
    expect(await desk.getByRole("note").count()).toBe(0);

    const published = await anonymous.post.byId.query({ id });
    expect(published).toMatchObject({
      status: "published",
      content: "First words, tightened by an editor.",
      author: { id: writer.user.id },
    });
    expect(await outcome(other.post.byId.query({ id }))).toBe("OK");
    await page.getByRole("link", { name: "Published", exact: true }).click();
    await mine.getByText("Published", { exact: true }).waitFor();
    expect(new URL(page.url()).search).toBe("?status=published");
  });

  it("lets an editor send a submission back to draft, and its author find it again", async () => {
    const [writer, editor] = await Promise.all([
      registerWithRole(folio, "contributor", "cy"),
      registerWithRole(folio, "editor", "eve"),
    ]);
    const post = await apiClient(folio.url, writer.accessToken).post.create.mutate({
      title: "Not quite there",
      content: "Needs work.",
      status: "pending",
    });
    const desk = await folio.newPage(editor);
    await desk.goto(`/posts/${post.id}`);
    await desk.getByRole("button", { name: "Send back to draft" }).click();
    const dialog = desk.getByRole("dialog", { name: "Send this post back to draft?" });
    await dialog.getByRole("button", { name: "Send back to draft" }).click();
    await desk
      .getByRole("status")
      .filter({ hasText: "“Not quite there” is back to draft." })
      .waitFor();
    expect(new URL(desk.url()).pathname).toBe("/review");
    expect(await desk.getByRole("link", { name: "Not quite there", exact: true }).count()).toBe(0);
    const again = await apiClient(folio.url, writer.accessToken).post.preview.query({
      id: post.id,
    });
    expect(again.status).toBe("draft");
  });

  it("schedules an author's post for a time on their clock; readers see nothing until then", async () => {
    const author = await registerUser(folio.url, "sched");
    const page = await folio.newPage(author);
    await page.goto("/posts/new");
    await page.getByLabel("Title").fill("Tomorrow's news");
    await page.getByLabel("Content").fill("Not yet.");
    await page.getByRole("button", { name: "Schedule…" }).click();
    const dialog = page.getByRole("dialog", { name: "Schedule this post" });
    const when = dialog.getByLabel("Publish on");
    expect(await when.evaluate((input) => input === document.activeElement)).toBe(true);
    await when.fill("2020-01-01T10:00");
    await dialog.getByRole("button", { name: "Schedule" }).click();
    await dialog.getByText("Publish time must be in the future").waitFor();
    expect(await when.getAttribute("aria-invalid")).toBe("true");

    const local = await page.evaluate(() => {
      const at = new Date(Date.now() + 2 * 24 * 3600_000);
      const pad = (n: number) => String(n).padStart(2, "0");
      return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T10:30`;
    });
    await when.fill(local);
    await dialog.getByRole("button", { name: "Schedule" }).click();
    await page.getByRole("status").filter({ hasText: "Your post is scheduled for" }).waitFor();
    await page
      .getByRole("note")
      .filter({ hasText: /^Scheduled for .* — only you and editors/ })
      .waitFor();
    const id = postIdOf(page);
    const expected = await page.evaluate((value) => new Date(value).toISOString(), local);
    const mine = await apiClient(folio.url, author.accessToken).post.preview.query({ id });
    expect(mine).toMatchObject({ status: "scheduled", publishedAt: expected });
    expect(await outcome(apiClient(folio.url).post.byId.query({ id }))).toBe("NOT_FOUND");
  });

  it("takes the queue from an editor an admin demotes, on the editor's next click", async () => {
    const [editor, writer, admin] = await Promise.all([
      registerWithRole(folio, "editor", "demoted"),
      registerWithRole(folio, "contributor", "waiting"),
      registerWithRole(folio, "admin", "boss"),
    ]);
    await apiClient(folio.url, writer.accessToken).post.create.mutate({
      title: "Waiting in line",
      content: "Please review.",
      status: "pending",
    });
    const desk = await folio.newPage(editor);
    await desk.goto("/review");
    await desk.getByRole("link", { name: "Waiting in line", exact: true }).waitFor();

    const office = await folio.newPage(admin);
    await office.goto(`/admin?q=${editor.user.username}`);
    await office.getByLabel(`Role of ${editor.user.username}`).selectOption("author");
    await office.getByRole("dialog").getByRole("button", { name: "Change role" }).click();
    await office.getByRole("status").filter({ hasText: "is now Author" }).waitFor();

    await nav(desk).getByRole("link", { name: "Review" }).click();
    await desk.getByRole("heading", { level: 1, name: "No access" }).waitFor();
    expect(await desk.getByRole("link", { name: "Waiting in line", exact: true }).count()).toBe(0);
    await nav(desk).getByRole("link", { name: "Review" }).waitFor({ state: "detached" });
    expect(await outcome(apiClient(folio.url, editor.accessToken).post.review.query())).toBe(
      "FORBIDDEN",
    );
  });
});
