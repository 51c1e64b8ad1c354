// What a person does with Folio's mail, in the browser, with the server talking real SMTP to a
// test mail server: register and confirm the address from the mail; forget the password,
// reset it from the mail and be logged in, while a device logged in before is logged out.
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  type MailPeer,
  type ReceivedMail,
  startMailPeer,
} from "../../server/test/support/mail-peer.ts";
import { apiClient, outcome, PASSWORD, uniqueName } from "./support/api";
import { describeInBrowser } from "./support/browser";
import { useFolio } from "./support/folio";

describeInBrowser("mail links", () => {
  let mail: MailPeer;
  beforeAll(async () => {
    mail = await startMailPeer();
  });
  afterAll(() => mail?.close());
  const folio = useFolio(() => mail.env);

  /** The link of a received message, as a path and fragment on the test server. */
  const linkIn = (received: ReceivedMail) => {
    const line = received.text.split("\n").find((text) => /#token=/.test(text));
    if (!line) throw new Error(`no link in:\n${received.text}`);
    const url = new URL(line.trim());
    return `${url.pathname}${url.hash}`;
  };
  const mailTo = (address: string, subject: RegExp) =>
    mail.peer.waitFor((m) => m.envelopeTo.includes(address) && subject.test(m.subject));

  it("registers, then confirms the address from the link in the mail", async () => {
    const username = uniqueName("mailer");
    const email = `${username.toLowerCase()}@example.com`;
    const page = await folio.newPage();
    await page.goto("/register");
    await page.getByLabel("Username").fill(username);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByLabel("Confirm password").fill(PASSWORD);
    await page.getByRole("button", { name: "Register" }).click();
    await page.getByRole("link", { name: username }).waitFor();
    await page.goto("/account");
    await page.getByText("Not confirmed").waitFor();

    const link = linkIn(await mailTo(email, /Confirm your email/));
    expect(link).toMatch(/^\/verify-email#token=/);
    await page.goto(link);
    await page.getByText("Your email address is confirmed.").waitFor();
    // The token left the address bar as soon as the page read it.
    expect(new URL(page.url()).hash).toBe("");
    await page.getByRole("link", { name: "Back to your account" }).click();
    await page.getByText("Confirmed", { exact: true }).waitFor();
  });

  it("resets a forgotten password from the mail, logs in, and logs out every other device", async () => {
    const username = uniqueName("forgot");
    const email = `${username.toLowerCase()}@example.com`;
    const session = await apiClient(folio.url).auth.register.mutate({
      username,
      email,
      password: PASSWORD,
    });
    // Another browser, logged in before the reset.
    const otherDevice = await folio.newPage(session);
    await otherDevice.goto("/account");
    await otherDevice.getByRole("heading", { name: "Your account" }).waitFor();

    const page = await folio.newPage();
    await page.goto("/login");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    // Until the page has changed, "Email" also finds the login form's "Username or email".
    await page.getByRole("heading", { name: "Forgot your password?" }).waitFor();
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByRole("button", { name: "Send me a link" }).click();
    await page.getByRole("status").filter({ hasText: "we have sent a link" }).waitFor();

    const link = linkIn(await mailTo(email, /Reset your Folio password/));
    expect(link).toMatch(/^\/reset-password#token=/);
    await page.goto(link);
    await page.getByRole("heading", { name: "Choose a new password" }).waitFor();
    expect(new URL(page.url()).hash).toBe("");
    const newPassword = "a fresh start 2026";
    await page.getByLabel("New password", { exact: true }).fill(newPassword);
    await page.getByLabel("Confirm new password").fill("something else");
    await page.getByRole("button", { name: "Change password and log in" }).click();
    await page.getByText("Passwords do not match").waitFor();
    await page.getByLabel("Confirm new password").fill(newPassword);
    await page.getByRole("button", { name: "Change password and log in" }).click();
    await page.getByText("Your password is changed and you are logged in.").waitFor();
    await page.getByRole("link", { name: username }).waitFor();

    expect(
      await outcome(
        apiClient(folio.url).auth.login.mutate({ login: username, password: newPassword }),
      ),
    ).toBe("OK");
    expect(
      await outcome(
        apiClient(folio.url).auth.login.mutate({ login: username, password: PASSWORD }),
      ),
    ).toBe("UNAUTHORIZED");

    await otherDevice.reload();
    await otherDevice.getByRole("heading", { name: "Log in" }).waitFor();

    // The same link again: refused in words, with a way to ask for a new one.
    const again = await folio.newPage();
    await again.goto(link);
    await again.getByLabel("New password", { exact: true }).fill("yet another one 2026");
    await again.getByLabel("Confirm new password").fill("yet another one 2026");
    await again.getByRole("button", { name: "Change password and log in" }).click();
    await again.getByText("This link is not valid any more. Ask for a new one.").waitFor();
    await again.getByRole("link", { name: "Ask for a new link" }).waitFor();
  });

  it("says the same on the forgot-password page for an address without an account", async () => {
    const page = await folio.newPage();
    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill("nobody-here@example.com");
    await page.getByRole("button", { name: "Send me a link" }).click();
    await page.getByRole("status").filter({ hasText: "we have sent a link" }).waitFor();
  });
});
