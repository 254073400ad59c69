import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir.ts';
import { waitFor } from '../support/wait-for.ts';

const cliEntry = fileURLToPath(new URL('../../main/cli/kai.ts', import.meta.url));

describe('kai serve', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let child: ChildProcess;
  let stdout = '';
  let stderr = '';
  let exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  const start = (args: string[]) => {
    child = spawn(process.execPath, ['--import', 'tsx', cliEntry, 'serve', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk) => (stdout += chunk));
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    exit = new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  };

  beforeAll(async () => {
    dir = await makeTempDir();
  });

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await dir.remove();
  });

  it('prints a tokenised loopback URL', async () => {
    start(['--port', '0', '--data-dir', join(dir.path, 'data')]);
    const url = await waitFor(() => /KAI Console: (\S+)/.exec(stdout)?.[1], {
      timeoutMs: 30_000,
      what: `the URL on stdout (stderr: ${stderr})`,
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{43}$/);
    const response = await fetch(url);
    expect(response.status).not.toBe(401);
    expect(stderr).not.toContain('Warning');
  });

  it('SIGTERM stops cleanly', async () => {
    child.kill('SIGTERM');
    const { code } = await exit;
    expect(code).toBe(0);
    expect(stderr).toContain('Stopping');
  });

  it('explicit host prints a warning', async () => {
    stdout = '';
    stderr = '';
    start(['--port', '0', '--host', '127.0.0.1', '--data-dir', join(dir.path, 'data')]);
    await waitFor(() => stdout.includes('KAI Console:'), { timeoutMs: 30_000, what: 'the URL' });
    child.kill('SIGINT');
    const { code } = await exit;
    expect(stderr).toContain('Warning: listening on 127.0.0.1 as given by --host.');
    expect(code).toBe(0);
  });

  it('invalid port is a usage error', async () => {
    stdout = '';
    stderr = '';
    start(['--port', '99999', '--data-dir', join(dir.path, 'data')]);
    const { code } = await exit;
    expect(code).toBe(2);
    expect(stderr).toContain('Invalid port "99999"');
  });
});
