/**
 * `kai`: the command-line front of the core. Every command opens the data folder's store,
 * does its work and closes it. `--json` output uses the platform's column names and is a
 * stable interface for scripts.
 */
import { InputError } from '../jobs/job-errors.ts';
import { DataDirLockedError } from '../store/data-dir-lock.ts';
import { SchemaTooNewError } from '../store/migrations.ts';
import { UsageError, type CliIo } from './cli-context.ts';
import {
  cancelCommand,
  cancelHelp,
  retryCommand,
  retryHelp,
} from './commands/retry-cancel-commands.ts';
import { ingestCommand, ingestHelp } from './commands/ingest-command.ts';
import { jobCommand, jobHelp, jobsCommand, jobsHelp } from './commands/jobs-command.ts';
import { materialsCommand, materialsHelp } from './commands/materials-command.ts';
import {
  importCommand,
  importFailuresCommand,
  importFailuresHelp,
  importHelp,
  importsCommand,
  importsHelp,
} from './commands/import-command.ts';
import { serveCommand, serveHelp } from './commands/serve-command.ts';
import { resumeCommand, resumeHelp } from './commands/resume-command.ts';
import {
  scrapeCommand,
  scrapeHelp,
  sessionCommand,
  sessionHelp,
  sessionsCommand,
  sessionsHelp,
} from './commands/scrape-command.ts';

type Command = { run: (argv: string[], io: CliIo) => Promise<number>; help: string };

const commands: Record<string, Command> = {
  ingest: { run: ingestCommand, help: ingestHelp },
  jobs: { run: jobsCommand, help: jobsHelp },
  job: { run: jobCommand, help: jobHelp },
  materials: { run: materialsCommand, help: materialsHelp },
  retry: { run: retryCommand, help: retryHelp },
  import: { run: importCommand, help: importHelp },
  imports: { run: importsCommand, help: importsHelp },
  'import-failures': { run: importFailuresCommand, help: importFailuresHelp },
  cancel: { run: cancelCommand, help: cancelHelp },
  serve: { run: serveCommand, help: serveHelp },
  resume: { run: resumeCommand, help: resumeHelp },
  scrape: { run: scrapeCommand, help: scrapeHelp },
  sessions: { run: sessionsCommand, help: sessionsHelp },
  session: { run: sessionCommand, help: sessionHelp },
};

const usage = `Usage: kai COMMAND [options]

Commands:
  ingest FILE...   process PDF catalogs and product feeds as jobs, with progress
  import FILE      import an XML, CSV or JSON feed (--preview to see the mapping)
  imports          list feed imports
  import-failures ID  list (or --csv export) an import's failed rows
  jobs             list jobs
  job ID           show one job with its stages and outputs
  materials        list stored materials
  retry ID         rerun a failed or cancelled job from its last checkpoint
  cancel ID        cancel a pending or processing job
  resume           recover jobs a crash interrupted and run every pending job
  scrape URL       crawl a supplier site into a scraping session, with progress
  sessions         list scraping sessions
  session ID       show a scraping session with its pages
  serve            run the core and serve the console UI to a browser

Options for every command:
  --data-dir DIR   data folder (default: $KAI_DATA_DIR, else ~/.local/share/kai-console)
  --json           machine-readable output on stdout
  --verbose        write logs to stderr instead of <data dir>/logs/kai.log

Run kai COMMAND --help for a command's options.`;

/** Runs one CLI invocation and returns its exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${usage}\n`);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.stderr.write(`Unknown command "${name}".\n\n${usage}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.help}\n`);
    return 0;
  }

  try {
    return await command.run(rest, io);
  } catch (error) {
    return reportError(error, io, command.help);
  }
}

function reportError(error: unknown, io: CliIo, help: string): number {
  if (
    error instanceof UsageError ||
    (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
  ) {
    io.stderr.write(`${(error as Error).message}\n\n${help}\n`);
    return 2;
  }
  if (
    error instanceof InputError ||
    error instanceof DataDirLockedError ||
    error instanceof SchemaTooNewError
  ) {
    io.stderr.write(`${error.message}\n`);
    return 1;
  }
  const systemCode = (error as NodeJS.ErrnoException).code;
  if (typeof systemCode === 'string' && /^E[A-Z]+$/.test(systemCode)) {
    io.stderr.write(`kai: ${(error as Error).message}\n`);
    return 1;
  }
  io.stderr.write(`kai failed unexpectedly: ${(error as Error).stack ?? String(error)}\n`);
  return 1;
}

const isEntry = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isEntry) {
  // `npm run kai` runs from the package root; relative paths are meant from the caller's
  // folder, which npm passes as INIT_CWD.
  if (process.env.INIT_CWD && process.env.npm_lifecycle_event === 'kai')
    process.chdir(process.env.INIT_CWD);
  const code = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
  });
  process.exitCode = code;
}
