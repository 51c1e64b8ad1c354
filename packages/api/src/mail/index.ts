// Mail: the transport (SMTP or .eml files), the templates, the outbox that sends after the
// answer, and what Folio mails about an account. The one entry point of the capability.
export {
  type MailDeps,
  type MailLinks,
  queueEmailChangedNotice,
  queueEmailConfirmation,
  queuePasswordChangedNotice,
  queuePasswordResetRequest,
  queuePasswordWasResetNotice,
  resetLink,
  verifyLink,
} from "./account-mail.js";
export { DEFAULT_RETRY_DELAYS_MS, type MailLog } from "./delivery.js";
export { resendVerification, verifyEmail } from "./email-verification.js";
export { createMailDeps, type MailSettings } from "./mail-deps.js";
export {
  createMailOutbox,
  MAIL_CLAIM_MS,
  MAIL_POLL_INTERVAL_MS,
  type MailOutbox,
  type MailOutboxOptions,
} from "./outbox.js";
export { preparePasswordReset, requestPasswordReset, resetPassword } from "./password-reset.js";
export type { MailKind, OutgoingMail } from "./templates.js";
export {
  createMailTransport,
  describeSmtpUrl,
  type MailTransport,
  type TransportSettings,
} from "./transport.js";
