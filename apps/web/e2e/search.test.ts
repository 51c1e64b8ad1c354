// Searching from the navbar: a reader finds a post by two of its words; a draft holding the same
// words is never among the results; empty and refused searches say so; "/" reaches the box.
import { expect, it } from "vitest";
import { apiClient, registerUser } from "./support/api";
import { seriousViolations } from "./support/axe";
import { describeInBrowser } from "./support/browser";
import { useFolio } from "./support/folio";

describeInBrowser("search", () => {
  // useFolio registers the site's owner first: the writers below are ordinary authors.
  const folio = useFolio();

  it("finds a post by two words typed in the navbar, and never a draft holding them", async () => {
    const writer = await registerUser(folio.url, "writer");
    const api = apiClient(folio.url, writer.accessToken);
    const post = await api.post.create.mutate({
      title: "Night harbor",
      content: "Lanterns swayed over the quiet harbor while the boats slept.",
    });
    const draft = await api.post.create.mutate({
      title: "Harbor secrets",
      content: "Unfinished: lanterns and the harbor at dawn.",
      status: "draft",
    });
    await api.post.create.mutate({ title: "Elsewhere", content: "Only lanterns here." });

    const page = await folio.newPage();
    await page.goto("/");
    const box = page.getByRole("searchbox", { name: "Search posts" });
    await box.fill("harbor lanterns");
    await box.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Results for “harbor lanterns”" }).waitFor();
    expect(new URL(page.url()).searchParams.get("q")).toBe("harbor lanterns");
    expect(await page.title()).toBe("Search: harbor lanterns · Folio");

    const results = page.getByRole("article");
    await results.first().waitFor();
    expect(await results.count()).toBe(1);
    expect(await results.first().locator("mark").allTextContents()).toEqual([
      "harbor",
      "Lanterns",
      "harbor",
    ]);
    expect(await page.locator(`a[href="/posts/${draft.id}"]`).count()).toBe(0);
    expect(await page.getByText("Harbor secrets").count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    // The address is the search: opened again (shared, reloaded), it shows the same result.
    const other = await folio.newPage();
    await other.goto(page.url());
    await other.getByRole("link", { name: "Night harbor" }).click();
    await other.getByRole("heading", { level: 1, name: "Night harbor" }).waitFor();
    expect(new URL(other.url()).pathname).toBe(`/posts/${post.id}`);
  });

  it("says when nothing matches, and why a query with nothing to search for finds nothing", async () => {
    const page = await folio.newPage();
    await page.goto("/search?q=zzyzx");
    await page.getByRole("status").filter({ hasText: "No posts match “zzyzx”." }).waitFor();
    expect(await page.getByRole("searchbox", { name: "Search posts" }).inputValue()).toBe("zzyzx");
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`/search?q=${encodeURIComponent("-lanterns")}`);
    await page.getByRole("alert").filter({ hasText: "Type at least one word" }).waitFor();
  });

  it("moves to the search box on / and searches with the keyboard alone", async () => {
    const page = await folio.newPage();
    await page.goto("/");
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.keyboard.press("/");
    const box = page.getByRole("searchbox", { name: "Search posts" });
    expect(await box.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type("nothing-like-this");
    await page.keyboard.press("Enter");
    await page.getByText("No posts match “nothing-like-this”.").waitFor();
  });
});
