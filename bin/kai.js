#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so the installed `kai` bin needs no build step. tsx is
// resolved from this package, not from the caller's folder, so `kai` works from anywhere.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const tsx = import.meta.resolve('tsx');
const result = spawnSync(
  process.execPath,
  ['--import', tsx, join(root, 'main/cli/kai.ts'), ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
