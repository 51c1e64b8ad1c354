// Mail: the transport (SMTP or .eml files), the templates, the queue that sends after the
// answer, and what Folio mails about an account. The one entry point of the capability.
export {
  type MailDeps,
  resetLink,
  sendEmailChangedNotice,
  sendEmailConfirmation,
  sendPasswordChangedNotice,
  sendPasswordReset,
  sendPasswordWasResetNotice,
  verifyLink,
} from "./account-mail.js";
export { resendVerification, verifyEmail } from "./email-verification.js";
export {
  createMailer,
  DEFAULT_RETRY_DELAYS_MS,
  type Mailer,
  type MailerOptions,
  type MailLog,
} from "./mailer.js";
export { requestPasswordReset, resetPassword } from "./password-reset.js";
export type { MailKind, OutgoingMail } from "./templates.js";
export {
  createMailTransport,
  describeSmtpUrl,
  type MailTransport,
  type TransportSettings,
} from "./transport.js";
