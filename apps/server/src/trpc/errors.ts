// tRPC-shaped error bodies for refusals Fastify makes before tRPC runs (body too large,
// unreadable body), so a client's TRPCClientError reads them like any other error.
import { type TRPC_ERROR_CODE_KEY, TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import type { FastifyError } from "fastify";

export interface TrpcErrorBody {
  error: {
    message: string;
    code: number;
    data: { code: TRPC_ERROR_CODE_KEY; httpStatus: number; path?: string };
  };
}

export function trpcErrorBody(
  code: TRPC_ERROR_CODE_KEY,
  httpStatus: number,
  message: string,
  path?: string,
): TrpcErrorBody {
  return {
    error: {
      message,
      code: TRPC_ERROR_CODES_BY_KEY[code],
      data: { code, httpStatus, ...(path ? { path } : {}) },
    },
  };
}

/** Fastify's own 4xx refusals in tRPC terms; anything else is a 500 with a generic message. */
export function fastifyErrorToTrpc(error: FastifyError): TrpcErrorBody {
  // body-limits.ts words its own refusals (which limit, which types); Fastify's are generic.
  const ours = error.code === "FOLIO_BODY_REFUSED";
  switch (error.statusCode) {
    case 413:
      return trpcErrorBody(
        "PAYLOAD_TOO_LARGE",
        413,
        ours ? error.message : "Request body is larger than 1 MiB.",
      );
    case 415:
      return trpcErrorBody(
        "UNSUPPORTED_MEDIA_TYPE",
        415,
        ours ? error.message : "Unsupported content type.",
      );
    default:
      if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        return trpcErrorBody("BAD_REQUEST", 400, "The request could not be read.");
      }
      return trpcErrorBody(
        "INTERNAL_SERVER_ERROR",
        500,
        "Something went wrong on our side. Please try again.",
      );
  }
}
