// The browser application: React, built by Vite into dist/web, served by the kehoach server.
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: "../dist/web", emptyOutDir: true, sourcemap: true },
  server: { proxy: { "/api": "http://127.0.0.1:3000" } },
});
