// Security headers on every answer (API.md: CSP without inline/eval scripts, no framing,
// nosniff), through helmet. Its middleware is built once, here: @fastify/helmet built it anew
// (CSP directives parsed again) on every request, 3% of a byId request's CPU (bench/README.md).

import type { FastifyInstance } from "fastify";
import helmet from "helmet";

/** The SPA loads only its own files; `data:` for inline images and fonts bundled by Vite;
 * `blob:` for the preview of a picture chosen for upload (an object URL, never fetched).
 * No plugins, and no `<base>` at all (API.md "Markdown": what writers type can't move links). */
export const CONTENT_SECURITY_POLICY = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "style-src": ["'self'"],
  "img-src": ["'self'", "data:", "blob:"],
  "connect-src": ["'self'"],
  "font-src": ["'self'", "data:"],
  "object-src": ["'none'"],
  "base-uri": ["'none'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
};

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  const setSecurityHeaders = helmet({
    contentSecurityPolicy: {
      // Not helmet's defaults: they add `upgrade-insecure-requests`, which breaks a plain-HTTP
      // deployment on anything but localhost, and allow inline styles.
      useDefaults: false,
      directives: CONTENT_SECURITY_POLICY,
    },
    // The same rule as frame-ancestors, for browsers that predate CSP 2.
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "no-referrer" },
    // HSTS is only honoured over HTTPS, and this process speaks plain HTTP: TLS ends at a
    // proxy in front of it, which is the one place that knows the site's HTTPS setup
    // (subdomains, preload) and so the one that should send Strict-Transport-Security.
    hsts: false,
  });
  // onRequest, as @fastify/helmet does: the headers are on the raw response before any handler,
  // error handler or 404 answers, so every answer carries them.
  app.addHook("onRequest", (request, reply, done) => {
    setSecurityHeaders(request.raw, reply.raw, (error?: unknown) =>
      done(error instanceof Error ? error : undefined),
    );
  });
}
