// The admin area, as an admin uses it: find an account, change its role, suspend it (its next
// request is refused), unsuspend and delete it, each after a confirmation; and the owner hands
// the site over, refused first for a wrong password.
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { apiClient, outcome, PASSWORD, registerUser } from "./support/api";
import { describeInBrowser } from "./support/browser";
import { useFolio } from "./support/folio";
import { registerWithRole } from "./support/roles";

describeInBrowser("the admin area", () => {
  const folio = useFolio();
  const rowOf = (page: Page, username: string) =>
    page.getByRole("row").filter({ has: page.getByText(username, { exact: true }) });
  const roleOf = async (userId: number) => {
    const admin = apiClient(folio.url, folio.owner.accessToken);
    const { items } = await admin.admin.users.query({ limit: 50 });
    return items.find((user) => user.id === userId)?.role;
  };
  /** The HTTP status of `user.me` with this token, as the wire carries it. */
  const meStatus = async (token: string) =>
    (await fetch(`${folio.url}/trpc/user.me`, { headers: { authorization: `Bearer ${token}` } }))
      .status;

  it("searches, changes a role, suspends, unsuspends and deletes an account, each confirmed", async () => {
    const [admin, target] = await Promise.all([
      registerWithRole(folio, "admin", "adele"),
      registerUser(folio.url, "target"),
    ]);
    const page = await folio.newPage(admin);
    await page.goto("/");
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Admin" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Admin" }).waitFor();
    await page.getByLabel("Search users").fill(target.user.username);
    await page.locator("#main").getByRole("button", { name: "Search", exact: true }).click();
    const row = rowOf(page, target.user.username);
    await row.waitFor();
    expect(new URL(page.url()).searchParams.get("q")).toBe(target.user.username);
    expect(await rowOf(page, admin.user.username).count()).toBe(0);

    // A role change asks first; cancelling changes nothing.
    const role = page.getByLabel(`Role of ${target.user.username}`);
    await role.selectOption("editor");
    const confirm = page.getByRole("dialog", { name: `Change ${target.user.username}'s role?` });
    expect(
      await confirm
        .getByRole("button", { name: "Cancel" })
        .evaluate((b) => b === document.activeElement),
    ).toBe(true);
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await confirm.waitFor({ state: "hidden" });
    expect(await role.inputValue()).toBe("author");
    expect(await roleOf(target.user.id)).toBe("author");
    await role.selectOption("editor");
    await confirm.getByRole("button", { name: "Change role" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `${target.user.username} is now Editor.` })
      .waitFor();
    expect(await roleOf(target.user.id)).toBe("editor");
    expect(await role.inputValue()).toBe("editor");

    expect(await meStatus(target.accessToken)).toBe(200);
    const targetPage = await folio.newPage(target);
    await targetPage.goto("/my-posts");
    await targetPage.getByRole("heading", { level: 1, name: "My posts" }).waitFor();
    await row.getByRole("button", { name: "Suspend" }).click();
    const suspend = page.getByRole("dialog", { name: `Suspend ${target.user.username}?` });
    await suspend.getByRole("button", { name: "Suspend" }).click();
    await row.getByText("Suspended", { exact: true }).waitFor();
    expect(await meStatus(target.accessToken)).toBe(401);
    // In the browser, the suspended account's next click is refused and it is logged out.
    await targetPage.getByRole("link", { name: "Home" }).click();
    await targetPage.getByRole("heading", { level: 1, name: "Log in" }).waitFor();
    await targetPage.getByRole("status").filter({ hasText: "Your session has ended." }).waitFor();
    // Logging in again with the right password says why it is refused.
    await targetPage.getByLabel("Username or email").fill(target.user.username);
    await targetPage.getByLabel("Password").fill(PASSWORD);
    await targetPage.getByRole("button", { name: "Log in" }).click();
    await targetPage.getByRole("alert").filter({ hasText: "This account is suspended." }).waitFor();
    const login = () =>
      apiClient(folio.url).auth.login.mutate({ login: target.user.username, password: PASSWORD });
    expect(await outcome(login())).toBe("FORBIDDEN");

    await row.getByRole("button", { name: "Unsuspend" }).click();
    await page
      .getByRole("dialog", { name: `Unsuspend ${target.user.username}?` })
      .getByRole("button", { name: "Unsuspend" })
      .click();
    await row.getByText("Active", { exact: true }).waitFor();
    expect(await outcome(login())).toBe("OK");

    await row.getByRole("button", { name: "Delete" }).click();
    const remove = page.getByRole("dialog", { name: `Delete ${target.user.username}?` });
    await remove.getByRole("button", { name: "Delete account" }).click();
    await page.getByRole("status").filter({ hasText: "account is deleted" }).waitFor();
    await page.getByText(`No account matches “${target.user.username}”.`).waitFor();
    expect(await outcome(apiClient(folio.url).user.byId.query({ id: target.user.id }))).toBe(
      "NOT_FOUND",
    );
  });

  it("shows the server's refusal in the dialog and changes nothing", async () => {
    const admin = await registerWithRole(folio, "admin", "ana");
    // The page believes it is someone else, so it offers Ana actions on her own account: the
    // UI hides them, the server decides.
    const page = await folio.newPage({
      ...admin,
      user: { ...admin.user, id: admin.user.id + 1e6 },
    });
    await page.goto(`/admin?q=${admin.user.username}`);
    await rowOf(page, admin.user.username).getByRole("button", { name: "Suspend" }).click();
    const dialog = page.getByRole("dialog", { name: `Suspend ${admin.user.username}?` });
    await dialog.getByRole("button", { name: "Suspend" }).click();
    await dialog
      .getByRole("alert")
      .filter({ hasText: "You can't suspend your own account." })
      .waitFor();
    expect(await meStatus(admin.accessToken)).toBe(200);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByRole("heading", { level: 1, name: "Admin" }).waitFor();
  });

  it("tells an admin demoted since the page loaded that the area is no longer theirs", async () => {
    const [admin, peer] = await Promise.all([
      registerWithRole(folio, "admin", "ada"),
      registerWithRole(folio, "admin", "peer"),
    ]);
    const page = await folio.newPage(admin);
    await page.goto(`/admin?q=${peer.user.username}`);
    const row = rowOf(page, peer.user.username);
    await row.waitFor();
    await apiClient(folio.url, folio.owner.accessToken).admin.setRole.mutate({
      userId: admin.user.id,
      role: "author",
    });
    await row.getByRole("button", { name: "Suspend" }).click();
    await page
      .getByRole("dialog", { name: `Suspend ${peer.user.username}?` })
      .getByRole("button", { name: "Suspend" })
      .click();
    // The refusal makes the page ask who Ada is now: the list and the Admin link go.
    await page.getByRole("heading", { level: 1, name: "No access" }).waitFor();
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Admin" })
      .waitFor({ state: "detached" });
    expect(await meStatus(peer.accessToken)).toBe(200);
    expect(await roleOf(peer.user.id)).toBe("admin");
  });

  it("hands ownership over after the owner's password: a wrong one is refused on its field", async () => {
    const heir = await registerWithRole(folio, "admin", "heir");
    const page = await folio.newPage(folio.owner);
    await page.goto(`/admin?q=${heir.user.username}`);
    await rowOf(page, heir.user.username)
      .getByRole("button", { name: "Transfer ownership" })
      .click();
    const dialog = page.getByRole("dialog", { name: `Make ${heir.user.username} the owner?` });
    const password = dialog.getByLabel("Your current password");
    expect(await password.evaluate((input) => input === document.activeElement)).toBe(true);
    await password.fill("not the password");
    await dialog.getByRole("button", { name: "Transfer ownership" }).click();
    await dialog.getByText("Current password is incorrect.").waitFor();
    expect(await password.getAttribute("aria-invalid")).toBe("true");
    expect(await roleOf(heir.user.id)).toBe("admin");
    expect(await roleOf(folio.owner.user.id)).toBe("owner");

    await password.fill(PASSWORD);
    await dialog.getByRole("button", { name: "Transfer ownership" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `${heir.user.username} is now the owner.` })
      .waitFor();
    expect(await roleOf(heir.user.id)).toBe("owner");
    expect(await roleOf(folio.owner.user.id)).toBe("admin");
    expect(await page.getByRole("button", { name: "Transfer ownership" }).count()).toBe(0);

    // Handed back, so the file's owner is the owner again for whatever runs next.
    await apiClient(folio.url, heir.accessToken).admin.transferOwnership.mutate({
      userId: folio.owner.user.id,
      currentPassword: PASSWORD,
    });
    expect(await roleOf(folio.owner.user.id)).toBe("owner");
  });
});
