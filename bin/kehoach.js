#!/usr/bin/env node
// Entry point of the `kehoach` command (the TypeScript is compiled to dist/ by `npm install`).
import { main } from "../dist/cli/main.js";

await main(process.argv.slice(2));
