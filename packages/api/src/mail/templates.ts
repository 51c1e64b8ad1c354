// Every message Folio sends: a plain-text part (the link on a line of its own, so any mail
// client makes it clickable and nothing wraps it) and an HTML part saying the same.
export type MailKind =
  | "verify-email"
  | "password-reset"
  | "password-changed"
  | "password-was-reset"
  | "email-changed";

export interface OutgoingMail {
  kind: MailKind;
  to: string;
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (char) =>
      ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char] ?? char,
  );

interface Body {
  greeting: string;
  paragraphs: string[];
  link?: { url: string; label: string };
  closing: string[];
}

function render(kind: MailKind, to: string, subject: string, body: Body): OutgoingMail {
  const text = [
    body.greeting,
    "",
    ...body.paragraphs.flatMap((paragraph) => [paragraph, ""]),
    ...(body.link ? [body.link.url, ""] : []),
    ...body.closing.flatMap((paragraph) => [paragraph, ""]),
    "— Folio",
    "",
  ].join("\n");
  const p = (paragraph: string) => `<p>${escapeHtml(paragraph)}</p>`;
  const link = body.link
    ? `<p><a href="${escapeHtml(body.link.url)}">${escapeHtml(body.link.label)}</a></p>` +
      `<p>Or copy this address into your browser:<br>${escapeHtml(body.link.url)}</p>`
    : "";
  const html = [
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>`,
    p(body.greeting),
    ...body.paragraphs.map(p),
    link,
    ...body.closing.map(p),
    "<p>— Folio</p></body></html>",
  ].join("\n");
  return { kind, to, subject, text, html };
}

const hours = (seconds: number) => {
  const value = Math.round(seconds / 3600);
  if (value >= 1) return `${value} hour${value === 1 ? "" : "s"}`;
  const minutes = Math.max(1, Math.round(seconds / 60));
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
};

export interface Recipient {
  username: string;
  email: string;
}

export function verifyEmailMessage(to: Recipient, url: string, ttlSeconds: number): OutgoingMail {
  return render("verify-email", to.email, "Confirm your email address for Folio", {
    greeting: `Hello ${to.username},`,
    paragraphs: [
      `Please confirm that ${to.email} is your email address by opening this link within ${hours(ttlSeconds)}:`,
    ],
    link: { url, label: "Confirm my email address" },
    closing: ["If you did not ask for this, you can ignore this message."],
  });
}

export function passwordResetMessage(to: Recipient, url: string, ttlSeconds: number): OutgoingMail {
  return render("password-reset", to.email, "Reset your Folio password", {
    greeting: `Hello ${to.username},`,
    paragraphs: [
      `Someone (hopefully you) asked to reset the password of your Folio account. Open this link within ${hours(ttlSeconds)} to choose a new one:`,
    ],
    link: { url, label: "Choose a new password" },
    closing: [
      "The link works once. If you did not ask for a reset, ignore this message: your password stays as it is.",
    ],
  });
}

export function passwordChangedNotice(to: Recipient): OutgoingMail {
  return render("password-changed", to.email, "Your Folio password was changed", {
    greeting: `Hello ${to.username},`,
    paragraphs: [
      "The password of your Folio account was just changed, and every other device was logged out.",
    ],
    closing: [
      "If this was not you, reset your password at once from the login page (“Forgot your password?”).",
    ],
  });
}

export function passwordWasResetNotice(to: Recipient): OutgoingMail {
  return render("password-was-reset", to.email, "Your Folio password was reset", {
    greeting: `Hello ${to.username},`,
    paragraphs: [
      "The password of your Folio account was just reset through a link sent to this address, and every device was logged out.",
    ],
    closing: [
      "If this was not you, reset it again from the login page and check your mailbox's security.",
    ],
  });
}

/** To the OLD address, without a link: it must not give a way into the account. */
export function emailChangedNotice(
  oldAddress: string,
  username: string,
  newAddress: string,
): OutgoingMail {
  return render(
    "email-changed",
    oldAddress,
    "The email address of your Folio account was changed",
    {
      greeting: `Hello ${username},`,
      paragraphs: [
        `The email address of your Folio account was changed from ${oldAddress} to ${newAddress}. Mail about the account now goes to the new address.`,
      ],
      closing: ["If this was not you, contact the site's administrator."],
    },
  );
}
