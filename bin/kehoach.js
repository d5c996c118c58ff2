#!/usr/bin/env node
// Entry point of the `kehoach` command (the TypeScript is compiled to dist/ by `npm install`).
import { main } from "../dist/cli/main.js";

// `kehoach search … | head`: a reader that stops early is no error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

await main(process.argv.slice(2));
