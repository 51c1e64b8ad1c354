// Security activity as people see it: a person reads what happened to their account in words
// (and finds the way to sign out a device they do not recognise); an admin reads every event
// on /admin/activity and filters it, the filters kept in the URL.
import type { Session } from "@folio/api";
import { expect, it } from "vitest";
import { apiClient, outcome, PASSWORD, registerUser } from "./support/api";
import { seriousViolations } from "./support/axe";
import { describeInBrowser } from "./support/browser";
import { useFolio } from "./support/folio";

const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";

describeInBrowser("security activity", () => {
  const folio = useFolio();

  async function site() {
    // useFolio registered the server's owner first (an admin and a moderator).
    const owner: Session = folio.owner;
    const alice = await registerUser(folio.url, "alice");
    return { owner, alice };
  }

  it("tells a person what happened to their account, and leads to their sessions", async () => {
    const { owner, alice } = await site();
    const post = await apiClient(folio.url, alice.accessToken).post.create.mutate({
      title: "My first notes",
      content: "Hello.",
    });
    // A sign-in from another device, someone trying the password, an editor's moderation.
    const login = await fetch(`${folio.url}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": FIREFOX },
      body: JSON.stringify({ login: alice.user.username, password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const wrong = apiClient(folio.url).auth.login.mutate({
      login: alice.user.username,
      password: "not her password",
    });
    expect(await outcome(wrong)).toBe("UNAUTHORIZED");
    await apiClient(folio.url, owner.accessToken).post.unpublish.mutate({ id: post.id });

    const page = await folio.newPage(alice);
    await page.goto("/account");
    const events = page.getByRole("list", { name: "Security events" });
    await events.waitFor();
    const items = events.getByRole("listitem");
    await expect.poll(() => items.count()).toBe(4);
    const texts = await items.allInnerTexts();
    expect(texts[0]).toContain(`${owner.user.username} unpublished your post “My first notes”`);
    expect(texts[1]).toContain("Someone tried your password");
    expect(texts[2]).toContain("You signed in from Firefox 140 on Linux");
    expect(texts[3]).toContain("You created your account");
    await items
      .nth(2)
      .getByRole("link", { name: /Not you\?/ })
      .click();
    expect(new URL(page.url()).hash).toBe("#sessions-heading");
    await page
      .getByRole("list", { name: "Signed-in devices" })
      .getByText("Firefox 140 on Linux")
      .waitFor();
  });

  it("lets an admin read every event, filtered by kind and by account, the filters in the URL", async () => {
    const { owner, alice } = await site();
    await outcome(
      apiClient(folio.url).auth.login.mutate({ login: alice.user.username, password: "nope nope" }),
    );
    const page = await folio.newPage(owner);
    await page.goto("/admin/activity?action=login.failed");
    await page.getByRole("heading", { name: "Security activity" }).waitFor();
    const rows = page.getByRole("table").getByRole("row");
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    const actions = await page.getByRole("table").locator("tbody code").allInnerTexts();
    expect(new Set(actions)).toEqual(new Set(["login.failed"]));
    expect(await seriousViolations(page), "/admin/activity").toEqual([]);

    await page.getByRole("searchbox", { name: "Account" }).fill(alice.user.username);
    await page.getByRole("button", { name: "Find" }).click();
    await page
      .getByRole("list", { name: "Matching accounts" })
      .getByRole("button", { name: alice.user.username })
      .click();
    await expect
      .poll(() => new URL(page.url()).searchParams.get("user"))
      .toBe(String(alice.user.id));
    expect(new URL(page.url()).searchParams.get("action")).toBe("login.failed");
    await page.getByText(`Showing the events of account #${alice.user.id}`).waitFor();

    await page.getByLabel("Event").selectOption("");
    await expect.poll(() => new URL(page.url()).searchParams.get("action")).toBeNull();
    await page.getByRole("table").getByText("account.created").waitFor();

    const visitor = await folio.newPage(alice);
    await visitor.goto("/admin/activity");
    await visitor.getByText("Only admins can see the site's security activity.").waitFor();
  });
});
