import type { ComponentType } from "react";
import { createBrowserRouter } from "react-router";
import { NotFound } from "../components/ui/not-found";
import { Spinner } from "../components/ui/spinner";
import { HomePage } from "../features/posts/home-page";
import { Layout } from "./layout";
import { RequireAuth } from "./require-auth";
import { RouteError } from "./route-error";

/**
 * A route whose page is loaded on first visit. The home page is the one most people land on,
 * so it ships in the entry chunk; forms (react-hook-form, zod, the API's schemas) and the
 * account page are fetched only when needed.
 */
function lazyPage(load: () => Promise<ComponentType>, { guarded = false } = {}) {
  return async () => {
    const Page = await load();
    if (!guarded) return { Component: Page };
    return {
      Component: () => (
        <RequireAuth>
          <Page />
        </RequireAuth>
      ),
    };
  };
}

export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <Spinner />,
    children: [
      { index: true, element: <HomePage /> },
      {
        path: "login",
        lazy: lazyPage(() => import("../features/auth/login-page").then((m) => m.LoginPage)),
      },
      {
        path: "register",
        lazy: lazyPage(() => import("../features/auth/register-page").then((m) => m.RegisterPage)),
      },
      {
        path: "forgot-password",
        lazy: lazyPage(() =>
          import("../features/auth/forgot-password-page").then((m) => m.ForgotPasswordPage),
        ),
      },
      {
        path: "reset-password",
        lazy: lazyPage(() =>
          import("../features/auth/reset-password-page").then((m) => m.ResetPasswordPage),
        ),
      },
      {
        path: "verify-email",
        lazy: lazyPage(() =>
          import("../features/auth/verify-email-page").then((m) => m.VerifyEmailPage),
        ),
      },
      {
        path: "posts/new",
        lazy: lazyPage(() => import("../features/posts/new-post-page").then((m) => m.NewPostPage), {
          guarded: true,
        }),
      },
      {
        path: "posts/:id",
        // Features don't import each other: the post page gets its comments from here.
        lazy: lazyPage(async () => {
          const [{ PostPage }, { CommentSection }] = await Promise.all([
            import("../features/posts/post-page"),
            import("../features/comments/comment-section"),
          ]);
          return () => (
            <PostPage
              renderComments={(post) => (
                <CommentSection
                  postId={post.id}
                  postAuthorId={post.author.id}
                  commentCount={post.commentCount}
                />
              )}
            />
          );
        }),
      },
      {
        path: "posts/:id/edit",
        lazy: lazyPage(
          () => import("../features/posts/edit-post-page").then((m) => m.EditPostPage),
          { guarded: true },
        ),
      },
      {
        path: "search",
        lazy: lazyPage(() => import("../features/search/search-page").then((m) => m.SearchPage)),
      },
      {
        path: "users/:id",
        lazy: lazyPage(() =>
          import("../features/posts/user-posts-page").then((m) => m.UserPostsPage),
        ),
      },
      {
        path: "my-posts",
        lazy: lazyPage(() => import("../features/posts/my-posts-page").then((m) => m.MyPostsPage), {
          guarded: true,
        }),
      },
      {
        path: "review",
        lazy: lazyPage(() => import("../features/review/review-page").then((m) => m.ReviewPage), {
          guarded: true,
        }),
      },
      {
        path: "admin",
        lazy: lazyPage(() => import("../features/admin/admin-page").then((m) => m.AdminPage), {
          guarded: true,
        }),
      },
      {
        path: "account",
        lazy: lazyPage(
          () => import("../features/account/account-page").then((m) => m.AccountPage),
          { guarded: true },
        ),
      },
      {
        path: "admin/activity",
        lazy: lazyPage(
          () =>
            import("../features/admin-activity/admin-activity-page").then(
              (m) => m.AdminActivityPage,
            ),
          { guarded: true },
        ),
      },
      { path: "*", element: <NotFound /> },
    ],
  },
]);
