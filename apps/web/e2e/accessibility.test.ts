import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { apiClient, registerUser } from "./support/api";
import { seriousViolations } from "./support/axe";
import { describeInBrowser } from "./support/browser";
import { useFolio } from "./support/folio";

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
      const kim = await registerUser(folio.url, "kim");
      const post = await apiClient(folio.url, kim.accessToken).post.create.mutate({
        title: "Readable for all",
        content: "Contrast, labels, landmarks.",
      });
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
      await visit(`/posts/${post.id}/edit`, "Edit post");
      await visit(`/posts/${post.id}`, "Readable for all");
      await page.getByRole("button", { name: "Delete" }).click();
      await page.getByRole("dialog", { name: "Delete this post?" }).waitFor();
      expect(await seriousViolations(page), "delete dialog").toEqual([]);
      await page.keyboard.press("Escape");
      await page.getByRole("dialog").waitFor({ state: "hidden" });
      await visit("/account", "Your account");
      await context.close();
    });
  }
});
