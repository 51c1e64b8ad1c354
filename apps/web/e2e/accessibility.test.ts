import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { apiClient } from "./support/api";
import { seriousViolations } from "./support/axe";
import { describeInBrowser } from "./support/browser";
import { useFolio } from "./support/folio";
import { SMALL_PNG, uploadPictureFor } from "./support/pictures";
import { registerWithRole } from "./support/roles";

describeInBrowser("every page, for everyone", () => {
  // Its own server: the first test needs a site without posts.
  const folio = useFolio();

  /** One main landmark, one h1, a page title, no serious or critical axe finding. */
  async function expectAccessible(page: Page, what: string) {
    expect(await page.locator("main").count(), what).toBe(1);
    expect(await page.getByRole("heading", { level: 1 }).count(), what).toBe(1);
    expect(await page.title(), what).toMatch(/Folio$/);
    expect(await seriousViolations(page), what).toEqual([]);
  }

  it("shows an empty state with a call to write the first post", async () => {
    const page = await folio.newPage();
    await page.goto("/");
    await page.getByText("No posts yet.").waitFor();
    await page.getByRole("link", { name: "Register to write the first post" }).click();
    await page.getByRole("heading", { name: "Create an account" }).waitFor();
  });

  it("remembers the chosen theme and follows the system in auto", async () => {
    const context = await folio.browser.newContext({ baseURL: folio.url, colorScheme: "dark" });
    const page = await context.newPage();
    const theme = () => page.evaluate(() => document.documentElement.dataset.bsTheme);
    await page.goto("/");
    expect(await theme()).toBe("dark");
    await page.getByLabel("Theme").selectOption("light");
    expect(await theme()).toBe("light");
    await page.reload();
    expect(await theme()).toBe("light");
    expect(await page.getByLabel("Theme").inputValue()).toBe("light");
    await page.getByLabel("Theme").selectOption("auto");
    // The system's change arrives as an event: poll for it.
    await page.emulateMedia({ colorScheme: "light" });
    await expect.poll(theme).toBe("light");
    await page.emulateMedia({ colorScheme: "dark" });
    await expect.poll(theme).toBe("dark");
    await context.close();
  });

  for (const colorScheme of ["light", "dark"] as const) {
    it(`has no serious accessibility problem on any page in the ${colorScheme} theme`, async () => {
      // An admin, so that every page (review queue, admin area) is open to her.
      const kim = await registerWithRole(folio, "admin", "kim");
      const kimApi = apiClient(folio.url, kim.accessToken);
      const post = await kimApi.post.create.mutate({
        title: "Readable for all",
        content: "Contrast, labels, landmarks.",
      });
      const writer = await registerWithRole(folio, "contributor", "lou");
      const pending = await apiClient(folio.url, writer.accessToken).post.create.mutate({
        title: "Waiting for an editor",
        content: "Submitted.",
        status: "pending",
      });
      const draft = await kimApi.post.create.mutate({
        title: "Half written",
        content: "Draft.",
        status: "draft",
      });
      // A real picture beside the post and on the account page (with its Remove button).
      await uploadPictureFor(folio.url, kim);
      const context = await folio.browser.newContext({ baseURL: folio.url, colorScheme });
      const page = await context.newPage();
      const visit = async (path: string, heading: string) => {
        await page.goto(path);
        await page.getByRole("heading", { level: 1, name: heading }).waitFor();
        expect(await page.evaluate(() => document.documentElement.dataset.bsTheme)).toBe(
          colorScheme,
        );
        await expectAccessible(page, `${path} (${colorScheme})`);
      };

      await visit("/", "Latest posts");
      await visit(`/posts/${post.id}`, "Readable for all");
      await visit(`/users/${kim.user.id}`, `Posts by ${kim.user.username}`);
      await visit("/posts/999999", "Post not found");
      await visit("/register", "Create an account");
      await page.getByRole("button", { name: "Register" }).click();
      await page
        .getByText("Passwords do not match")
        .or(page.getByText("Username must"))
        .first()
        .waitFor();
      await expectAccessible(page, `register with errors (${colorScheme})`);
      await visit("/forgot-password", "Forgot your password?");
      await visit(`/reset-password#token=${"A".repeat(43)}`, "Choose a new password");
      await visit("/verify-email", "Confirm your email address");
      await page.getByText("This link is incomplete.").waitFor();
      await expectAccessible(page, `verify-email without a token (${colorScheme})`);
      await visit("/login", "Log in");
      await page.getByLabel("Username or email").fill(kim.user.username);
      await page.getByLabel("Password").fill("correct horse battery");
      await page.getByRole("button", { name: "Log in" }).click();
      await page.getByRole("navigation").getByRole("link", { name: kim.user.username }).waitFor();

      await visit("/posts/new", "New post");
      await page.getByRole("button", { name: "Schedule…" }).waitFor();
      await visit(`/posts/${post.id}/edit`, "Edit post");
      await visit(`/posts/${post.id}`, "Readable for all");
      await page.getByRole("button", { name: "Delete" }).click();
      await page.getByRole("dialog", { name: "Delete this post?" }).waitFor();
      expect(await seriousViolations(page), "delete dialog").toEqual([]);
      await page.keyboard.press("Escape");
      await page.getByRole("dialog").waitFor({ state: "hidden" });
      // Roles, drafts and review: the editor's buttons, the schedule picker with a refusal,
      // a draft's banner, "My posts", the queue and the admin area with its dialogs.
      await visit(`/posts/${draft.id}`, "Half written");
      await page.getByRole("note").waitFor();
      await page.getByRole("button", { name: "Schedule…" }).click();
      const schedule = page.getByRole("dialog", { name: "Schedule this post" });
      await schedule.getByLabel("Publish on").fill("2020-01-01T10:00");
      await schedule.getByRole("button", { name: "Schedule" }).click();
      await schedule.getByText("Publish time must be in the future").waitFor();
      expect(await seriousViolations(page), "schedule dialog with an error").toEqual([]);
      await page.keyboard.press("Escape");
      await schedule.waitFor({ state: "hidden" });
      await visit("/my-posts", "My posts");
      await page.getByRole("link", { name: "Half written", exact: true }).waitFor();
      await expectAccessible(page, `my posts, listed (${colorScheme})`);
      await visit("/review", "Review queue");
      // The dark run finds the light run's submission too: wait for this one's.
      await page.locator(`a[href="/posts/${pending.id}"]`).first().waitFor();
      await expectAccessible(page, `review queue, listed (${colorScheme})`);
      await visit(`/posts/${pending.id}`, "Waiting for an editor");
      await visit(`/admin?q=${writer.user.username}`, "Admin");
      await page.getByLabel(`Role of ${writer.user.username}`).selectOption("author");
      await page.getByRole("dialog", { name: `Change ${writer.user.username}'s role?` }).waitFor();
      expect(await seriousViolations(page), "role change dialog").toEqual([]);
      await page.keyboard.press("Escape");
      await page.getByRole("dialog").waitFor({ state: "hidden" });
      await expectAccessible(page, `admin, searched (${colorScheme})`);

      // The account's sections load on their own, and the device list decides which of its
      // buttons are enabled: measured once that list is there.
      await page.goto("/account");
      await page.getByText("This device").waitFor();
      await expectAccessible(page, `/account (${colorScheme})`);
      // The picture section with a preview and a refusal on its field, and the remove dialog.
      await page.getByLabel("Choose a picture").setInputFiles({
        name: "me.png",
        mimeType: "image/png",
        buffer: SMALL_PNG,
      });
      await page.getByRole("img", { name: "Preview of your new avatar" }).waitFor();
      await page.getByLabel("Choose a picture").setInputFiles({
        name: "big.png",
        mimeType: "image/png",
        buffer: Buffer.alloc(5 * 1024 * 1024 + 1),
      });
      await page.getByText("The picture must be at most 5 MiB").waitFor();
      await expectAccessible(page, `account with a picture refused (${colorScheme})`);
      await page.getByRole("button", { name: "Remove picture" }).click();
      await page.getByRole("dialog", { name: "Remove your picture?" }).waitFor();
      expect(await seriousViolations(page), "remove picture dialog").toEqual([]);
      await context.close();
    });
  }
});
