// The shapes of API.md, and the functions that map database rows onto them.
import {
  type CommentWithAuthorRow,
  type PostState,
  type PostWithAuthorRow,
  postStateOf,
  type Role,
  toIsoString,
  type UserRow,
} from "@folio/db";

export type { PostState as PostStatus, Role };

export interface PublicUser {
  id: number;
  username: string;
  imageUrl: string | null;
  createdAt: string;
}

export interface PrivateUser extends PublicUser {
  email: string;
  /** Whether the current email was confirmed through a link sent to it. */
  emailVerified: boolean;
  role: Role;
}

/** What the admin list shows of an account. */
export interface AdminUser extends PrivateUser {
  suspended: boolean;
  lastSeenAt: string | null;
  /** Posts in every status. */
  postCount: number;
}

export interface Post {
  id: number;
  title: string;
  content: string;
  /** `scheduled` is a published post whose `publishedAt` is still ahead. */
  status: PostState;
  /** Null for drafts and pending posts. */
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  author: PublicUser;
  /** Its comments that are not deleted (0 while the public may not read the post). */
  commentCount: number;
}

/** A comment; a placeholder (a deleted comment that still has replies) has no body or author. */
export interface Comment {
  id: number;
  postId: number;
  parentId: number | null;
  body: string;
  author: PublicUser | null;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
}

/** A post found by post.search: a passage around its first match, and the words matched. */
export interface SearchHit extends Post {
  /** Plain text, at most 200 characters. */
  snippet: string;
  /** The matched words as they appear in `snippet`, for a client to mark. */
  matches: string[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Session {
  accessToken: string;
  tokenType: "bearer";
  expiresAt: string;
  user: PrivateUser;
}

export interface Ok {
  ok: true;
}

export function toPublicUser(row: UserRow): PublicUser {
  return {
    id: row.id,
    username: row.username,
    imageUrl: row.image_url,
    createdAt: toIsoString(row.created_at),
  };
}

export function toPrivateUser(row: UserRow): PrivateUser {
  return {
    ...toPublicUser(row),
    email: row.email,
    emailVerified: Number(row.email_verified) === 1,
    role: row.role,
  };
}

export function toPost(row: PostWithAuthorRow): Post {
  return {
    id: row.id,
    title: row.title,
    content: row.content,
    status: postStateOf(row),
    publishedAt: row.published_at === null ? null : toIsoString(row.published_at),
    createdAt: toIsoString(row.created_at),
    updatedAt: toIsoString(row.updated_at),
    author: {
      id: row.author_id,
      username: row.author_username,
      imageUrl: row.author_image_url,
      createdAt: toIsoString(row.author_created_at),
    },
    // Postgres counts as a bigint, which its driver hands over as a string.
    commentCount: Number(row.comment_count ?? 0),
  };
}

export function toComment(row: CommentWithAuthorRow): Comment {
  const deleted = row.deleted_at !== null;
  const author =
    deleted || row.author_id === null || row.author_username === null
      ? null
      : {
          id: row.author_id,
          username: row.author_username,
          imageUrl: row.author_image_url,
          createdAt: toIsoString(row.author_created_at ?? row.created_at),
        };
  return {
    id: row.id,
    postId: row.post_id,
    parentId: row.parent_id,
    body: deleted ? "" : row.body,
    author,
    createdAt: toIsoString(row.created_at),
    editedAt: deleted || row.edited_at === null ? null : toIsoString(row.edited_at),
    deleted,
  };
}

export function toAdminUser(row: UserRow, postCount: number): AdminUser {
  return {
    ...toPrivateUser(row),
    suspended: row.suspended_at !== null,
    lastSeenAt: row.last_seen_at === null ? null : toIsoString(row.last_seen_at),
    postCount,
  };
}
