// The shapes of API.md, and the functions that map database rows onto them.
import { type PostWithAuthorRow, toIsoString, type UserRow } from "@folio/db";

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
}

export interface Post {
  id: number;
  title: string;
  content: string;
  createdAt: string;
  updatedAt: string;
  author: PublicUser;
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
  };
}

export function toPost(row: PostWithAuthorRow): Post {
  return {
    id: row.id,
    title: row.title,
    content: row.content,
    createdAt: toIsoString(row.created_at),
    updatedAt: toIsoString(row.updated_at),
    author: {
      id: row.author_id,
      username: row.author_username,
      imageUrl: row.author_image_url,
      createdAt: toIsoString(row.author_created_at),
    },
  };
}
