export { type AppResources, BODY_LIMIT_BYTES, buildApp } from "./app.js";
export { type Config, ConfigError, loadConfig } from "./config.js";
export { parseDurationSeconds } from "./duration.js";
export { resolveJwtSecret } from "./jwt-secret.js";
export { startMail } from "./mail.js";
export { handleTrpcRequest } from "./trpc-host.js";
export { MAX_BATCH_SIZE, TRPC_PREFIX, trpcOptions } from "./trpc-plugin.js";
