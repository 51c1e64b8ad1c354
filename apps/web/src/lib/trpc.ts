// The typed tRPC hooks. Only the router's *type* comes from the API: no server code ships.
import type { AppRouter } from "@folio/api";
import { httpBatchLink, httpLink, isNonJsonSerializable, splitLink } from "@trpc/client";
import { createTRPCReact } from "@trpc/react-query";
import { authStore } from "./auth-store";
import { fetchWithUploadProgress } from "./upload-fetch";

export const trpc = createTRPCReact<AppRouter>();

function authorization() {
  const token = authStore.token();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

export function createTrpcClient() {
  return trpc.createClient({
    links: [
      // FormData (a picture upload) cannot be batched into a JSON body: it goes alone, as
      // multipart, through a fetch that reports upload progress. The types stay the router's.
      splitLink({
        condition: (op) => isNonJsonSerializable(op.input),
        true: httpLink({ url: "/trpc", headers: authorization, fetch: fetchWithUploadProgress }),
        false: httpBatchLink({
          url: "/trpc",
          // The server refuses batches over 10 calls; no page needs more than a few at once.
          maxItems: 10,
          headers: authorization,
        }),
      }),
    ],
  });
}
