#!/usr/bin/env node
/**
 * Runs Electronegativity on the Electron shell (`electron/` and `preload/` together, so its
 * global checks see the navigation limits and the preload in one scan), prints every
 * finding and exits with 1 on any of HIGH severity. `AvailableSecurityFixesGlobalCheck` is
 * skipped because it downloads Electron's release list. The tool's own CLI exits with 0
 * whatever it finds, so this script calls its programmatic runner instead.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import runElectronegativity from '@doyensec/electronegativity';

const root = resolve(import.meta.dirname, '..');
const electronVersion = JSON.parse(
  readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8'),
).version;
const print = (line) => process.stdout.write(`${line}\n`);
const scanDir = mkdtempSync(join(tmpdir(), 'kai-electronegativity-'));

try {
  for (const folder of ['electron', 'preload']) {
    cpSync(join(root, folder), join(scanDir, folder), { recursive: true });
  }
  const { issues, errors } = await runElectronegativity(
    {
      input: scanDir,
      isRelative: true,
      electronVersionOverride: electronVersion,
      excludeFromScan: ['availablesecurityfixesglobalcheck'],
    },
    false,
  );
  for (const error of errors) print(`Could not scan ${error.file}: ${error.message}`);
  for (const issue of issues) {
    const where = `${issue.file}:${issue.location.line}:${issue.location.column}`;
    print(`${issue.severity.name.padEnd(13)} ${issue.id}  ${where}  ${issue.description}`);
  }
  const high = issues.filter((issue) => issue.severity.name === 'HIGH');
  print(`Electronegativity: ${issues.length} findings, ${high.length} of HIGH severity.`);
  process.exitCode = high.length > 0 || errors.length > 0 ? 1 : 0;
} finally {
  rmSync(scanDir, { recursive: true, force: true });
}
