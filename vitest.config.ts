import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 30_000,
    // A suite's setup starts an embedded PostgreSQL (PGlite) and migrates it: on a busy 2-core CI
    // machine that has taken over vitest's default 10 s, failing suites whose tests were sound.
    hookTimeout: 60_000,
  },
});
