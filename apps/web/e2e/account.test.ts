import { expect, it } from "vitest";
import { apiClient, outcome, PASSWORD, registerUser, uniqueName } from "./support/api";
import { describeInBrowser } from "./support/browser";
import { useFolio } from "./support/folio";
import { SMALL_PNG, uploadPictureFor } from "./support/pictures";

describeInBrowser("the account page", () => {
  const folio = useFolio();

  it("sends a visitor to the login page and back to the account afterwards", async () => {
    const erin = await registerUser(folio.url, "erin");
    const page = await folio.newPage();
    await page.goto("/account");
    await page.getByLabel("Username or email").fill(erin.user.username);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("heading", { name: "Your account" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/account");
  });

  it("shows the profile and updates it, refusing a taken username on its field", async () => {
    const [fay, other] = await Promise.all([
      registerUser(folio.url, "fay"),
      registerUser(folio.url, "other"),
    ]);
    const page = await folio.newPage(fay);
    await page.goto("/account");
    await page.getByRole("heading", { name: "Your account" }).waitFor();
    expect(await page.getByText(fay.user.email, { exact: true }).isVisible()).toBe(true);

    const username = page.getByLabel("Username");
    await username.fill(other.user.username);
    await page.getByRole("button", { name: "Update profile" }).click();
    await page.getByText("That username is already taken.").waitFor();
    expect(await username.getAttribute("aria-invalid")).toBe("true");

    const renamed = uniqueName("fay2");
    await username.fill(renamed);
    await page.getByLabel("Email").fill(`${renamed}@example.com`);
    await page.getByRole("button", { name: "Update profile" }).click();
    await page.getByRole("status").filter({ hasText: "Your profile is updated." }).waitFor();
    await page.getByRole("link", { name: renamed }).waitFor();
    const me = await apiClient(folio.url, fay.accessToken).user.me.query();
    expect(me).toMatchObject({ username: renamed, email: `${renamed.toLowerCase()}@example.com` });
  });

  it("changes the password: a wrong current one is refused, then the old token stops working", async () => {
    const gus = await registerUser(folio.url, "gus");
    const page = await folio.newPage(gus);
    await page.goto("/account");
    const current = page.getByLabel("Current password");
    await current.fill("not my password");
    await page.getByLabel("New password", { exact: true }).fill("a brand new secret");
    await page.getByLabel("Confirm new password").fill("a brand new secret");
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByText("Current password is incorrect.").waitFor();
    expect(await current.getAttribute("aria-invalid")).toBe("true");
    expect(await outcome(apiClient(folio.url, gus.accessToken).user.me.query())).toBe("OK");

    await current.fill(PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByRole("status").filter({ hasText: "Your password is changed." }).waitFor();
    expect(await outcome(apiClient(folio.url, gus.accessToken).user.me.query())).toBe(
      "UNAUTHORIZED",
    );
    // This device got the new token and stays logged in.
    await page.reload();
    await page.getByRole("heading", { name: "Your account" }).waitFor();
    const login = apiClient(folio.url).auth.login;
    expect(await outcome(login.mutate({ login: gus.user.username, password: PASSWORD }))).toBe(
      "UNAUTHORIZED",
    );
    expect(
      await outcome(login.mutate({ login: gus.user.username, password: "a brand new secret" })),
    ).toBe("OK");
  });

  it("logs out on this device: the server ends the session, so a copy of the token is refused", async () => {
    const hal = await registerUser(folio.url, "hal");
    const page = await folio.newPage(hal);
    await page.goto("/account");
    await page.getByRole("button", { name: "Log out", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "You are logged out." }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/");
    expect(await page.getByRole("link", { name: "Login" }).isVisible()).toBe(true);
    expect(await page.evaluate(() => localStorage.getItem("folio.token"))).toBeNull();
    expect(await outcome(apiClient(folio.url, hal.accessToken).user.me.query())).toBe(
      "UNAUTHORIZED",
    );
  });

  it("lists the devices signed in; signing the other one out sends it to the login page", async () => {
    const kim = await registerUser(folio.url, "kim");
    // Kim's registration session is ended first, so the list holds the two browsers only.
    await apiClient(folio.url, kim.accessToken).auth.logout.mutate();
    const logIn = async () => {
      const page = await folio.newPage();
      await page.goto("/login?next=%2Faccount");
      await page.getByLabel("Username or email").fill(kim.user.username);
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Log in" }).click();
      await page.getByRole("heading", { name: "Your account" }).waitFor();
      return page;
    };
    const laptop = await logIn();
    const phone = await logIn();

    await laptop.reload();
    const devices = laptop.getByRole("list", { name: "Signed-in devices" }).getByRole("listitem");
    await devices.nth(1).waitFor();
    expect(await devices.count()).toBe(2);
    const current = devices.filter({ hasText: "This device" });
    expect(await current.count()).toBe(1);
    // Debian's headless Chromium names itself in the User-Agent; Bowser makes it readable.
    expect(await current.textContent()).toMatch(/Chrom(e|ium).* on Linux/);
    expect(await current.textContent()).toContain("last seen this minute");
    expect(await current.getByRole("button", { name: "Sign out" }).count()).toBe(0);

    const other = devices.filter({ hasNotText: "This device" });
    await other.getByRole("button", { name: "Sign out" }).click();
    await laptop.getByRole("status").filter({ hasText: "That device is signed out." }).waitFor();
    await devices.filter({ hasNotText: "This device" }).waitFor({ state: "detached" });
    expect(await devices.count()).toBe(1);
    expect(
      await laptop.getByRole("button", { name: "Sign out of all other devices" }).isDisabled(),
    ).toBe(true);

    // The phone finds out the next time it asks the API (its answers are cached until then).
    await phone.reload();
    await phone.getByRole("heading", { name: "Log in" }).waitFor();
    expect(new URL(phone.url()).search).toBe("?next=%2Faccount");
    expect(await phone.getByRole("status").textContent()).toContain("Your session has ended");
    expect(await phone.evaluate(() => localStorage.getItem("folio.token"))).toBeNull();
    // The laptop is still signed in.
    await laptop.reload();
    await laptop.getByRole("heading", { name: "Your account" }).waitFor();
  });

  it("signs out of all other devices at once, staying signed in here", async () => {
    const lee = await registerUser(folio.url, "lee");
    const phone = await apiClient(folio.url).auth.login.mutate({
      login: lee.user.username,
      password: PASSWORD,
    });
    const page = await folio.newPage(lee);
    await page.goto("/account");
    await page.getByRole("button", { name: "Sign out of all other devices" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "Every other device is signed out." })
      .waitFor();
    expect(await outcome(apiClient(folio.url, phone.accessToken).user.me.query())).toBe(
      "UNAUTHORIZED",
    );
    expect(await outcome(apiClient(folio.url, lee.accessToken).user.me.query())).toBe("OK");
  });

  it("logs out everywhere: another device is sent to the login page", async () => {
    const ida = await registerUser(folio.url, "ida");
    const laptop = await folio.newPage(ida);
    const phoneSession = await apiClient(folio.url).auth.login.mutate({
      login: ida.user.username,
      password: PASSWORD,
    });
    const phone = await folio.newPage(phoneSession);
    await phone.goto("/account");
    await phone.getByRole("heading", { name: "Your account" }).waitFor();

    await laptop.goto("/account");
    await laptop.getByRole("button", { name: "Log out everywhere" }).click();
    await laptop.getByRole("status").filter({ hasText: "logged out on every device" }).waitFor();
    expect(await laptop.getByRole("link", { name: "Login" }).isVisible()).toBe(true);

    await phone.reload();
    await phone.getByRole("heading", { name: "Log in" }).waitFor();
    expect(new URL(phone.url()).search).toBe("?next=%2Faccount");
    expect(await phone.getByRole("status").textContent()).toContain("Your session has ended");
    expect(await phone.evaluate(() => localStorage.getItem("folio.token"))).toBeNull();
  });

  it("deletes the account and its posts after typing the username, landing logged out", async () => {
    const jo = await registerUser(folio.url, "jo");
    const api = apiClient(folio.url, jo.accessToken);
    const post = await api.post.create.mutate({ title: "Soon gone", content: "Bye." });
    const page = await folio.newPage(jo);
    await page.goto("/account");
    await page.getByRole("button", { name: "Delete account" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete your account?" });
    const confirm = dialog.getByRole("button", { name: "Delete my account and posts" });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel("Type your username to confirm").fill(jo.user.username);
    await confirm.click();

    await page
      .getByRole("status")
      .filter({ hasText: "Your account and all your posts were deleted." })
      .waitFor();
    expect(new URL(page.url()).pathname).toBe("/");
    expect(await page.getByRole("link", { name: "Login" }).isVisible()).toBe(true);
    const anonymous = apiClient(folio.url);
    expect(await outcome(anonymous.user.byId.query({ id: jo.user.id }))).toBe("NOT_FOUND");
    expect(await outcome(anonymous.post.byId.query({ id: post.id }))).toBe("NOT_FOUND");
    expect(await page.getByRole("link", { name: "Soon gone" }).count()).toBe(0);
  });

  it("previews the chosen picture, shows the upload as it runs, and sends it only once", async () => {
    const kit = await registerUser(folio.url, "kit");
    const page = await folio.newPage(kit);
    await page.goto("/account");
    await page.getByRole("heading", { name: "Profile picture" }).waitFor();
    await page.getByLabel("Choose a picture").setInputFiles({
      name: "me.png",
      mimeType: "image/png",
      buffer: SMALL_PNG,
    });
    const preview = page.getByRole("img", { name: "Preview of your new avatar" });
    await preview.waitFor();
    expect(await preview.getAttribute("src")).toMatch(/^blob:/);
    expect(await preview.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(8);

    // Hold the upload at the server's door, to see the page while it is under way.
    let uploads = 0;
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const kinds: string[] = [];
    await page.route("**/trpc/user.setPicture", async (route) => {
      uploads += 1;
      // XMLHttpRequest, the one browser API that reports upload progress (lib/upload-fetch.ts).
      kinds.push(route.request().resourceType());
      await held;
      await route.continue();
    });
    await page.getByRole("button", { name: "Upload picture" }).click();
    const pending = page.getByRole("button", { name: "Uploading…" });
    await pending.waitFor();
    expect(await pending.isDisabled()).toBe(true);
    await page.getByRole("progressbar").waitFor();
    await pending.click({ force: true }).catch(() => {});
    release();

    await page.getByRole("status").filter({ hasText: "Your picture is updated." }).waitFor();
    expect(uploads).toBe(1);
    expect(kinds).toEqual(["xhr"]);
    const { imageUrl } = await apiClient(folio.url, kit.accessToken).user.me.query();
    expect(imageUrl).toMatch(/^\/pictures\/[A-Za-z0-9_-]{22}\.webp$/);
    // The preview is gone (its object URL revoked); the stored picture shows instead.
    expect(await preview.count()).toBe(0);
    const shown = page.locator(`section img[src="${imageUrl}"]`);
    await shown.waitFor();
    await expect
      .poll(() => shown.evaluate((image: HTMLImageElement) => image.naturalWidth))
      .toBe(256);
  });

  it("says in words on the field why a file was refused, keeping the current picture", async () => {
    const lu = await registerUser(folio.url, "lu");
    const page = await folio.newPage(lu);
    await page.goto("/account");
    const input = page.getByLabel("Choose a picture");
    await input.setInputFiles({
      name: "holiday.png",
      mimeType: "image/png",
      buffer: Buffer.from("This is a text file with a picture's name."),
    });
    await page.getByRole("button", { name: "Upload picture" }).click();
    await page.getByText("This file is not a picture Folio accepts").waitFor();
    // The browser cannot draw it either: no broken preview, a sentence instead.
    await page.getByText("No preview for this file").waitFor();
    expect(await input.getAttribute("aria-invalid")).toBe("true");
    expect((await apiClient(folio.url, lu.accessToken).user.me.query()).imageUrl).toBeNull();

    // Too large is refused before anything is sent.
    await input.setInputFiles({
      name: "huge.png",
      mimeType: "image/png",
      buffer: Buffer.alloc(5 * 1024 * 1024 + 1),
    });
    await page.getByText("The picture must be at most 5 MiB").waitFor();
  });

  it("removes the picture behind a confirmation, showing the silhouette again", async () => {
    const mo = await registerUser(folio.url, "mo");
    const url = await uploadPictureFor(folio.url, mo);
    const page = await folio.newPage(mo);
    await page.goto("/account");
    await page.locator(`section img[src="${url}"]`).waitFor();

    await page.getByRole("button", { name: "Remove picture" }).click();
    const dialog = page.getByRole("dialog", { name: "Remove your picture?" });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    expect((await apiClient(folio.url, mo.accessToken).user.me.query()).imageUrl).toBe(url);

    await page.getByRole("button", { name: "Remove picture" }).click();
    await dialog.getByRole("button", { name: "Remove picture" }).click();
    await page.getByText("No picture yet").waitFor();
    expect(await page.getByRole("button", { name: "Remove picture" }).count()).toBe(0);
    expect((await apiClient(folio.url, mo.accessToken).user.me.query()).imageUrl).toBeNull();
    expect((await fetch(`${folio.url}${url}`)).status).toBe(404);
  });
});
