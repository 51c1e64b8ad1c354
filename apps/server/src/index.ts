export { type AppResources, BODY_LIMIT_BYTES, buildApp } from "./app.js";
export { type Config, ConfigError, loadConfig } from "./config/config.js";
export { parseDurationSeconds } from "./config/duration.js";
export { resolveJwtSecret } from "./config/jwt-secret.js";
export { startMail } from "./services/mail.js";
export { handleTrpcRequest } from "./trpc/host.js";
export { MAX_BATCH_SIZE, TRPC_PREFIX, trpcOptions } from "./trpc/plugin.js";
