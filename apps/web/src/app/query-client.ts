// One QueryClient for the app, with the single place that reacts to an expired or revoked
// session (any UNAUTHORIZED from a query or mutation calls `onUnauthorized`) and to a refusal
// (any FORBIDDEN calls `onForbidden`: the account's role may have changed since it was read).
import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { errorCode } from "../lib/api-errors";

const NO_RETRY = new Set(["BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "CONFLICT"]);

export interface AuthHandlers {
  onUnauthorized: () => void;
  onForbidden: () => void;
}

export function createQueryClient({ onUnauthorized, onForbidden }: AuthHandlers): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (errorCode(error) === "UNAUTHORIZED") onUnauthorized();
        if (errorCode(error) === "FORBIDDEN") onForbidden();
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _result, mutation) => {
        if (mutation.meta?.ownAuthErrors) return;
        if (errorCode(error) === "UNAUTHORIZED") onUnauthorized();
        if (errorCode(error) === "FORBIDDEN") onForbidden();
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
