#!/usr/bin/env node
// Entry point of the `flagship` command: runs the compiled CLI (npm run build writes build/).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../build/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write(
    'flagship: not built yet. Run `npm run build` (or `npm run setup`) first.\n',
  );
  process.exit(2);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv);
