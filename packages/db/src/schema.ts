// The Kysely view of Folio's tables. Timestamps are ISO-8601 strings on SQLite and
// `timestamptz` on Postgres, so reads may come back as either; `toIsoString` normalises.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

type Timestamp = ColumnType<Date | string, string, string>;

export interface UserTable {
  id: Generated<number>;
  username: string;
  email: string;
  password_hash: string;
  image_url: string | null;
  /** 1 once the current email was confirmed through a link; back to 0 when it changes. */
  email_verified: Generated<number>;
  created_at: Timestamp;
  role: Generated<Role>;
  /** Set while the account is suspended (its tokens are refused, login says so). */
  suspended_at: Timestamp | null;
  /** The newest `last_seen_at` of its sessions, written with it (once a minute at most). */
  last_seen_at: Timestamp | null;
}

/** API.md's roles, lowest first (`ROLES` in packages/api's policy orders them). */
export type Role = "reader" | "contributor" | "author" | "editor" | "admin" | "owner";

/**
 * What is stored. `scheduled` is not a stored state: it is `published` with a `published_at`
 * still in the future, so a post goes live by itself when its time comes (decided on read).
 */
export type StoredPostStatus = "draft" | "pending" | "published";

export interface PostTable {
  id: Generated<number>;
  author_id: number;
  title: string;
  content: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  status: Generated<StoredPostStatus>;
  /** Null for drafts and pending posts; in the future while scheduled. */
  published_at: Timestamp | null;
}

/**
 * A comment on a post (API.md "Comments"). A deleted comment with replies stays as a placeholder:
 * `deleted_at` set, `body` emptied and `author_id` null; one without replies is removed.
 */
export interface CommentTable {
  id: Generated<number>;
  post_id: number;
  /** Null on the post; else a top-level comment of the same post (two levels). */
  parent_id: number | null;
  author_id: number | null;
  body: string;
  created_at: Timestamp;
  edited_at: Timestamp | null;
  deleted_at: Timestamp | null;
}

export type AccountTokenKind = "password_reset" | "email_verification";

/** Single-use tokens sent by mail; only the SHA-256 hash of a token is stored. */
export interface AccountTokenTable {
  token_hash: string;
  user_id: number;
  kind: AccountTokenKind;
  /** The address the token was issued for. */
  email: string;
  expires_at: Timestamp;
  created_at: Timestamp;
}

/** A signed-in device (ADR 011): a token is valid only while its session row lives. */
export interface SessionTable {
  /** Random and unguessable (the token's `sid`). */
  id: string;
  user_id: number;
  created_at: Timestamp;
  /** Kept to the minute: written at most once a minute per session. */
  last_seen_at: Timestamp;
  /** As the client sent it, truncated. */
  user_agent: string | null;
  expires_at: Timestamp;
}

/** A user's profile picture: the WebP bytes the server made, under a random id. */
export interface PictureTable {
  id: string;
  user_id: number;
  bytes: Uint8Array;
  created_at: Timestamp;
}

/**
 * A security event (API.md "Security activity"), append-only. Names are copies made at the time,
 * and no column references another table: events outlive whatever they name.
 */
export interface AuditEventTable {
  /** A UUIDv7 whose time is `at`: the primary key orders events by time. */
  id: string;
  at: Timestamp;
  action: string;
  /** Both null for the command line or an unknown requester. */
  actor_id: number | null;
  actor_username: string | null;
  subject_id: number | null;
  subject_username: string | null;
  target_type: string | null;
  target_id: string | null;
  target_label: string | null;
  ip: string | null;
  user_agent: string | null;
}

/** A message waiting to be sent (ADR 020): deleted once sent, given up on, or expired. */
export interface MailOutboxTable {
  id: string;
  kind: string;
  recipient: string;
  user_id: number | null;
  /** Null while the row is a password-reset request still to be prepared. */
  subject: string | null;
  text_body: string | null;
  html_body: string | null;
  requested_ip: string | null;
  requested_user_agent: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  next_attempt_at: Timestamp;
  attempts: Generated<number>;
  claimed_by: string | null;
  claimed_until: Timestamp | null;
}

export interface Database {
  users: UserTable;
  posts: PostTable;
  account_tokens: AccountTokenTable;
  sessions: SessionTable;
  pictures: PictureTable;
  comments: CommentTable;
  audit_events: AuditEventTable;
  mail_outbox: MailOutboxTable;
}

export type UserRow = Selectable<UserTable>;
export type NewUserRow = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type PostRow = Selectable<PostTable>;
export type NewPostRow = Insertable<PostTable>;
export type PostUpdate = Updateable<PostTable>;
export type CommentRow = Selectable<CommentTable>;
export type SessionRow = Selectable<SessionTable>;
export type AuditEventRow = Selectable<AuditEventTable>;
export type MailOutboxRow = Selectable<MailOutboxTable>;
export type NewSessionRow = Insertable<SessionTable>;

/** What `Date.prototype.toISOString` writes (UTC, milliseconds), i.e. how Folio stores time. */
const CANONICAL_ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/**
 * A timestamp as API.md's ISO-8601 UTC string. On SQLite the column already holds exactly that
 * (Folio writes `toISOString()`), so it passes through: parsing and re-formatting it was ~2% of a
 * feed request's CPU (bench/README.md). Anything else (a Postgres Date, another text form) is
 * normalised.
 */
export function toIsoString(value: Date | string): string {
  if (typeof value === "string" && CANONICAL_ISO.test(value)) return value;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}
