// The input rules of API.md as zod schemas, gathered from each capability's schemas.ts. zod
// alone: the SPA validates its forms with these very schemas (`@folio/api/schemas`), so browser
// and server can never disagree. Nothing here may import server code (a test checks the bundle).
import type { z } from "zod";
import type { adminAuditInput, userActivityInput } from "./activity/schemas.js";
import type { setRoleInput, transferOwnershipInput } from "./admin/schemas.js";
import type {
  loginInput,
  registerInput,
  requestPasswordResetInput,
  resetPasswordInput,
  verifyEmailInput,
} from "./auth/schemas.js";
import type {
  commentCreateInput,
  commentListInput,
  commentUpdateInput,
} from "./comments/schemas.js";
import type { postCreateInput, postPublishInput, postUpdateInput } from "./posts/schemas.js";
import type { postSearchInput } from "./search/schemas.js";
import type { endSessionInput } from "./sessions/schemas.js";
import type { changePasswordInput, userUpdateInput } from "./users/schemas.js";

export * from "./activity/schemas.js";
export * from "./admin/schemas.js";
export * from "./auth/schemas.js";
export * from "./comments/schemas.js";
export * from "./pictures/schemas.js";
export * from "./posts/schemas.js";
export * from "./search/schemas.js";
export * from "./sessions/schemas.js";
export * from "./shared/field-schemas.js";
export * from "./users/schemas.js";

export type RegisterInput = z.input<typeof registerInput>;
export type LoginInput = z.input<typeof loginInput>;
export type RequestPasswordResetInput = z.input<typeof requestPasswordResetInput>;
export type ResetPasswordInput = z.input<typeof resetPasswordInput>;
export type VerifyEmailInput = z.input<typeof verifyEmailInput>;
export type UserUpdateInput = z.input<typeof userUpdateInput>;
export type EndSessionInput = z.input<typeof endSessionInput>;
export type ChangePasswordInput = z.input<typeof changePasswordInput>;
export type PostCreateInput = z.input<typeof postCreateInput>;
export type PostUpdateInput = z.input<typeof postUpdateInput>;
export type PostPublishInput = z.input<typeof postPublishInput>;
export type PostSearchInput = z.input<typeof postSearchInput>;
export type CommentListInput = z.input<typeof commentListInput>;
export type CommentCreateInput = z.input<typeof commentCreateInput>;
export type CommentUpdateInput = z.input<typeof commentUpdateInput>;
export type SetRoleInput = z.input<typeof setRoleInput>;
export type TransferOwnershipInput = z.input<typeof transferOwnershipInput>;
export type UserActivityInput = z.input<typeof userActivityInput>;
export type AdminAuditInput = z.input<typeof adminAuditInput>;
