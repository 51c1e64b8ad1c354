import { createBrowserRouter } from "react-router";
import { NotFound } from "../components/ui/not-found";
import { AccountPage } from "../features/account/account-page";
import { LoginPage } from "../features/auth/login-page";
import { RegisterPage } from "../features/auth/register-page";
import { EditPostPage } from "../features/posts/edit-post-page";
import { HomePage } from "../features/posts/home-page";
import { NewPostPage } from "../features/posts/new-post-page";
import { PostPage } from "../features/posts/post-page";
import { UserPostsPage } from "../features/posts/user-posts-page";
import { Layout } from "./layout";
import { RequireAuth } from "./require-auth";
import { RouteError } from "./route-error";

export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      { path: "login", element: <LoginPage /> },
      { path: "register", element: <RegisterPage /> },
      {
        path: "posts/new",
        element: (
          <RequireAuth>
            <NewPostPage />
          </RequireAuth>
        ),
      },
      { path: "posts/:id", element: <PostPage /> },
      {
        path: "posts/:id/edit",
        element: (
          <RequireAuth>
            <EditPostPage />
          </RequireAuth>
        ),
      },
      { path: "users/:id", element: <UserPostsPage /> },
      {
        path: "account",
        element: (
          <RequireAuth>
            <AccountPage />
          </RequireAuth>
        ),
      },
      { path: "*", element: <NotFound /> },
    ],
  },
]);
