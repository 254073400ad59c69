import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of a PDF in tests/fixtures/pdf. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../../../fixtures/pdf/${name}`, import.meta.url));
}

/** Creates a temporary folder and returns it with a function that removes it. */
export async function temporaryFolder(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kai-pdf-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
