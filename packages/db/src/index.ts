export * from "./account-tokens.js";
export * from "./audit-events.js";
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
export { inTransaction } from "./in-transaction.js";
export * from "./keyset.js";
export * from "./mail-claims.js";
export * from "./mail-outbox.js";
export { folioMigrations, migrateToLatest } from "./migrate.js";
export * from "./pictures.js";
export * from "./post-visibility.js";
export * from "./posts.js";
export * from "./schema.js";
export {
  MATCH_END,
  MATCH_START,
  RANKED_TOGETHER,
  type SearchBand,
  type SearchHitRow,
  type SearchPage,
  type SearchPageQuery,
  type SearchPosition,
  type SearchQuery,
  type SearchTerm,
  searchPosts,
} from "./search.js";
export * from "./sessions.js";
export { SORTABLE_ID_PATTERN, sortableId, timeOfSortableId } from "./sortable-id.js";
export { uniqueViolationField } from "./unique-violation.js";
export * from "./users.js";
