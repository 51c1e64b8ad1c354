// A typed tRPC client from Node, for arranging data and checking what the server holds.
import type { AppRouter, Session } from "@folio/api";
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";

export function apiClient(baseUrl: string, token?: string) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${baseUrl}/trpc`,
        headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
      }),
    ],
  });
}

export const PASSWORD = "correct horse battery";

let counter = 0;
/** A username that no other test in this run uses. */
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}_${Date.now().toString(36)}${counter}`;
}

export async function registerUser(baseUrl: string, prefix = "user"): Promise<Session> {
  const username = uniqueName(prefix);
  return apiClient(baseUrl).auth.register.mutate({
    username,
    email: `${username.toLowerCase()}@example.com`,
    password: PASSWORD,
  });
}

/** The tRPC error code a call failed with, or "OK" when it succeeded. */
export async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "OK";
  } catch (error) {
    if (error instanceof TRPCClientError) return String(error.data?.code);
    throw error;
  }
}
