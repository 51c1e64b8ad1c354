export * from "./account-tokens.js";
export { backupSqliteFile } from "./backup.js";
export { deleteComment, deleteCommentsOf } from "./comment-deletion.js";
export * from "./comments.js";
export {
  type CreateDbOptions,
  createDb,
  type DbHandle,
  type DialectName,
  dialectOf,
} from "./create-db.js";
export { isForeignKeyViolation } from "./foreign-key-violation.js";
export { folioMigrations, migrateToLatest } from "./migrate.js";
export * from "./pictures.js";
export * from "./post-visibility.js";
export * from "./posts.js";
export * from "./schema.js";
export * from "./sessions.js";
export { uniqueViolationField } from "./unique-violation.js";
export * from "./users.js";
