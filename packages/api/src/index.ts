export {
  AUDIT_ACTIONS,
  type AuditAction,
  type AuditEvent,
  type AuditSweep,
  DEFAULT_AUDIT_RETENTION_SECONDS,
  recordCommentDeletedByOther,
  recordEvent,
  recordOwnerTransferredByCommandLine,
  startAuditRetentionSweep,
  sweepOldAuditEvents,
} from "./activity/index.js";
export { readBearerToken } from "./auth/bearer.js";
export { hashPassword, verifyPassword } from "./auth/passwords.js";
export {
  type AuthSettings,
  issueAccessToken,
  TOKEN_ALGORITHM,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
  verifyAccessToken,
} from "./auth/tokens.js";
export {
  type AppDeps,
  type Context,
  createContext,
  createContextInner,
  type RequestLike,
} from "./context.js";
export {
  createMailDeps,
  createMailTransport,
  DEFAULT_RETRY_DELAYS_MS,
  describeSmtpUrl,
  type MailDeps,
  type MailLog,
  type MailOutbox,
  type MailSettings,
  type MailTransport,
  type OutgoingMail,
  type TransportSettings,
} from "./mail/index.js";
export {
  databasePictureStore,
  decodeSlots,
  makeProfilePicture,
  PICTURES_PATH,
  type PictureStore,
  pictureIdFromFileName,
  pictureStoreOf,
  savePicture,
} from "./pictures/index.js";
export { type Access, type ProcedurePath, procedureAccess } from "./policy/procedure-access.js";
export {
  type AppRouter,
  appRouter,
  createCaller,
  type RouterInputs,
  type RouterOutputs,
} from "./root.js";
export {
  type DeviceSession,
  endAllSessions,
  normalizeUserAgent,
  replaceAllSessions,
  SESSION_SWEEP_INTERVAL_MS,
  type SessionStarter,
  type SessionSweep,
  startSession,
  startSessionSweep,
  sweepExpiredSessions,
} from "./sessions/index.js";
export { type FieldErrors, RateLimitedError } from "./shared/errors.js";
export {
  createRateLimits,
  type RateLimitSettings,
  type RateLimitStore,
  type RateLimits,
  unlimited,
} from "./shared/rate-limits.js";
export type {
  Comment,
  Ok,
  Page,
  Post,
  PrivateUser,
  PublicUser,
  SearchHit,
  Session,
} from "./shared/shapes.js";
export { createCallerFactory } from "./trpc.js";
