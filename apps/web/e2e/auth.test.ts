import { expect, it } from "vitest";
import { apiClient, outcome, PASSWORD, registerUser, uniqueName } from "./support/api";
import { describeInBrowser } from "./support/browser";
import { useFolio } from "./support/folio";

describeInBrowser("logging in and registering", () => {
  // A low per-account login limit, so the 429 message can be reached in a few tries.
  const folio = useFolio({ RATE_LIMIT_LOGIN_ACCOUNT: "3" });

  it("sends a visitor from New post to the login page and back to the form after login", async () => {
    const alice = await registerUser(folio.url, "alice");
    const page = await folio.newPage();
    await page.goto("/posts/new");
    await page.getByRole("heading", { name: "Log in" }).waitFor();
    expect(new URL(page.url()).search).toBe("?next=%2Fposts%2Fnew");

    await page.getByLabel("Username or email").fill(alice.user.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();

    await page.getByRole("heading", { name: "New post" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/posts/new");
    expect(await page.getByRole("link", { name: alice.user.username }).isVisible()).toBe(true);
  });

  it("registers, lands logged in and publishes a post that the home page lists", async () => {
    const username = uniqueName("reg");
    const page = await folio.newPage();
    await page.goto("/register");
    await page.getByLabel("Username").fill(username);
    await page.getByLabel("Email").fill(`${username}@example.com`);
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByLabel("Confirm password").fill(PASSWORD);
    await page.getByRole("button", { name: "Register" }).click();
    await page.getByRole("link", { name: username }).waitFor();

    await page.getByRole("link", { name: "New Post" }).click();
    await page.getByRole("button", { name: "Publish" }).click();
    // Checked in the browser with the API's own rules: nothing was sent.
    const title = page.getByLabel("Title");
    await page.getByText("Title is required").waitFor();
    expect(await title.getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByText("Content is required").isVisible()).toBe(true);

    await title.fill("My first post");
    await page.getByLabel("Content").fill("Hello from the browser.");
    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByRole("heading", { level: 1, name: "My first post" }).waitFor();

    await page.getByRole("link", { name: "Home" }).click();
    await page.getByRole("link", { name: "My first post" }).waitFor();
    const feed = await apiClient(folio.url).post.list.query();
    expect(feed.items[0]).toMatchObject({ title: "My first post", author: { username } });
  });

  it("shows the server's answer on the field when a username is taken", async () => {
    const taken = await registerUser(folio.url, "taken");
    const page = await folio.newPage();
    await page.goto("/register");
    await page.getByLabel("Username").fill(taken.user.username.toUpperCase());
    await page.getByLabel("Email").fill(`other_${taken.user.email}`);
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByLabel("Confirm password").fill(PASSWORD);
    await page.getByRole("button", { name: "Register" }).click();

    const error = page.getByText("That username is already taken.");
    await error.waitFor();
    const username = page.getByLabel("Username");
    expect(await username.getAttribute("aria-invalid")).toBe("true");
    expect(await username.getAttribute("aria-describedby")).toContain(
      await error.getAttribute("id"),
    );
    expect(await page.getByRole("link", { name: "Login" }).isVisible()).toBe(true);
  });

  it("refuses a wrong password, then says how long to wait once the limit is hit", async () => {
    const bob = await registerUser(folio.url, "bob");
    const page = await folio.newPage();
    await page.goto("/login");
    await page.getByLabel("Username or email").fill(bob.user.username);
    const password = page.getByLabel("Password");
    const submit = page.getByRole("button", { name: "Log in" });
    for (let attempt = 1; attempt <= 3; attempt++) {
      await password.fill(`wrong password ${attempt}`);
      await submit.click();
      await page
        .getByRole("alert")
        .filter({ hasText: "Wrong username/email or password." })
        .waitFor();
    }
    await password.fill(PASSWORD);
    await submit.click();
    await page
      .getByRole("alert")
      .filter({ hasText: /Too many attempts, try again in \d+ seconds/ })
      .waitFor();
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(await page.evaluate(() => localStorage.getItem("folio.token"))).toBeNull();
  });

  it("never follows a next parameter that leaves the site", async () => {
    const carol = await registerUser(folio.url, "carol");
    const page = await folio.newPage();
    await page.goto("/login?next=//evil.example/steal");
    await page.getByLabel("Username or email").fill(carol.user.username);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("heading", { name: "Latest posts" }).waitFor();
    expect(page.url()).toBe(`${folio.url}/`);
  });

  it("says the server cannot be reached when the network is down", async () => {
    const page = await folio.newPage();
    await page.route("**/trpc/**", (route) => route.abort("internetdisconnected"));
    await page.goto("/");
    await page.getByRole("alert").filter({ hasText: "couldn't reach the server" }).waitFor();
    expect(await outcome(apiClient(folio.url).post.list.query())).toBe("OK");
  });
});
