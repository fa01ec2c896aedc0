import { defineConfig } from "vite";
import solid from "vite-plugin-solid";

// Served by the API process under /admin (apps/api/src/admin.ts); assets are content-hashed so they can be cached for a year.
export default defineConfig({
  base: "/admin/",
  plugins: [solid()],
  build: { target: "es2022", outDir: "dist", emptyOutDir: true, reportCompressedSize: true },
  server: { proxy: { "/trpc": "http://localhost:3000", "/api": "http://localhost:3000" } },
});
