import { parseArgs } from 'node:util';
import type { CoreOptions } from '../../core.ts';
import { startBrowserMode } from '../../server/browser-mode.ts';
import { loadSettings } from '../../settings/settings-store.ts';
import { openCliCore, resolveDataDir, UsageError, type CliIo } from '../cli-context.ts';
import { globalOptionSpec } from '../global-options.ts';

export const serveHelp = `Usage: kai serve [--port N] [--host H] [--data-dir DIR]

Runs the core with its job engine and serves the console UI to a browser. Prints the URL
to open, which carries a random access token; every request must present it.
  --port N  TCP port (default 0: a free port)
  --host H  address to listen on (default 127.0.0.1); any other address exposes the
            console to the network, guarded by the token alone
Build the UI first with npx electron-vite build. Ctrl-C stops the engine and the store.`;

export async function serveCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { ...globalOptionSpec, port: { type: 'string' }, host: { type: 'string' } },
  });
  const port = Number(values.port ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new UsageError(`Invalid port "${values.port}"; give a number from 0 to 65535.`);
  }
  if (values.host !== undefined && values.host.trim() === '') {
    throw new UsageError('--host needs an address, e.g. 127.0.0.1.');
  }

  const core = await openCliCore(values, await savedEngineSettings(values['data-dir']));
  let mode;
  try {
    mode = await startBrowserMode(core, { host: values.host, port });
  } catch (error) {
    await core.close();
    throw error;
  }

  if (values.host !== undefined) io.stderr.write(hostWarning(values.host));
  io.stdout.write(`KAI Console: ${mode.server.url}\n`);

  await waitForSignal();
  io.stderr.write('Stopping: running jobs return to pending.\n');
  await mode.stop();
  await core.close();
  return 0;
}

/** Engine settings saved from the settings view; the KAI_* variables take precedence. */
async function savedEngineSettings(
  dataDirOption: string | undefined,
): Promise<Partial<CoreOptions>> {
  const saved = await loadSettings(resolveDataDir(dataDirOption));
  const overrides: Partial<CoreOptions> = {};
  if (saved.concurrency && !process.env.KAI_CONCURRENCY) overrides.concurrency = saved.concurrency;
  if (saved.heartbeatMs && !process.env.KAI_HEARTBEAT_MS) overrides.heartbeatMs = saved.heartbeatMs;
  return overrides;
}

function hostWarning(host: string): string {
  const reach = isLoopback(host)
    ? 'It is a loopback address, so only this machine can connect.'
    : 'Other machines can connect; the token in the URL is the only guard, and traffic is ' +
      'not encrypted.';
  return `Warning: listening on ${host} as given by --host. ${reach}\n`;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

function waitForSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
