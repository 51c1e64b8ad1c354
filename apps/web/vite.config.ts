import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  // Never inline assets as data: URIs; every file is served from 'self' under the server's CSP.
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false, assetsInlineLimit: 0 },
  server: {
    // `vite dev` talks to a server started separately (`pnpm start`, default port 3000).
    proxy: { "/trpc": "http://127.0.0.1:3000" },
  },
});
