// Where things live, resolved from this file (src/config or dist/config both sit three levels below the repo
// root), never from the working directory: `node apps/server/dist/main.js` and
// `pnpm --filter @folio/server start` must find the same database and SPA.
import { dirname, isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");

/** An absolute path as is; a relative one against the repo root. */
export function fromRepoRoot(path: string): string {
  return isAbsolute(path) ? path : resolve(repoRoot, path);
}

export const defaultWebDistDir = resolve(repoRoot, "apps/web/dist");
