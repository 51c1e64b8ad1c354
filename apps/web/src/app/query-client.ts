// One QueryClient for the app, with the single place that reacts to an expired or revoked
// session: any UNAUTHORIZED from a query or mutation calls `onUnauthorized`.
import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { errorCode } from "../lib/api-errors";

const NO_RETRY = new Set(["BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "CONFLICT"]);

export function createQueryClient(onUnauthorized: () => void): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (errorCode(error) === "UNAUTHORIZED") onUnauthorized();
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _result, mutation) => {
        if (mutation.meta?.ownAuthErrors) return;
        if (errorCode(error) === "UNAUTHORIZED") onUnauthorized();
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // A refusal will not change on retry; a dropped connection might.
        retry: (failureCount, error) => failureCount < 2 && !NO_RETRY.has(errorCode(error) ?? ""),
      },
      mutations: { retry: false },
    },
  });
}
