#!/usr/bin/env node
// The command line: `human-tone check "text"`. Built by `npm run build` into lib/cli.js.
import { main } from '../lib/cli.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`human-tone: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
