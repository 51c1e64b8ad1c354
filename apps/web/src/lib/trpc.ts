// The typed tRPC hooks. Only the router's *type* comes from the API: no server code ships.
import type { AppRouter } from "@folio/api";
import { httpBatchLink } from "@trpc/client";
import { createTRPCReact } from "@trpc/react-query";
import { authStore } from "./auth-store";

export const trpc = createTRPCReact<AppRouter>();

export function createTrpcClient() {
  return trpc.createClient({
    links: [
      httpBatchLink({
        url: "/trpc",
        // The server refuses batches over 10 calls; no page needs more than a few at once.
        maxItems: 10,
        headers() {
          const token = authStore.token();
          return token ? { Authorization: `Bearer ${token}` } : {};
        },
      }),
    ],
  });
}
