import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { adminRouter } from "./admin/router.js";
import { authRouter } from "./auth/router.js";
import { commentRouter } from "./comments/router.js";
import { postRouter } from "./posts/router.js";
import { createCallerFactory, router } from "./trpc.js";
import { userRouter } from "./users/router.js";

export const appRouter = router({
  auth: authRouter,
  user: userRouter,
  post: postRouter,
  comment: commentRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export const createCaller = createCallerFactory(appRouter);
