import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { InputError } from '../../jobs/job-errors.ts';
import { importsRepository } from '../../store/imports-repository.ts';
import { jobsRepository } from '../../store/jobs-repository.ts';
import { openCliCore, requireId, UsageError, type CliIo } from '../cli-context.ts';
import { globalOptionSpec } from '../global-options.ts';
import { failuresToCsv } from '../failures-csv.ts';
import { runJobsWithProgress } from './run-jobs.ts';

export const importHelp = `Usage: kai import FILE [--preview] [--mapping FILE.json] [--source NAME]
                   [--encoding ENC] [--save-template] [--json]

Imports an XML, CSV or JSON product feed product by product, with a progress bar.
  --preview          detect format, encoding, fields and a proposed mapping; import nothing
  --mapping FILE     a mapping JSON (as --preview --json prints under proposedMapping)
  --source NAME      supplier or feed name that keys the products (default: file name)
  --encoding ENC     override the detected encoding (utf-8, windows-1252, cp850, ...)
  --save-template    remember the mapping for this supplier's feeds with the same fields
                     (the supplier is --source; the next import with the same --source and
                     the same fields uses it)
  --record-path P    the repeating record element (XML, e.g. catalog/product) or product
                     array (JSON, e.g. data.items), when detection picks the wrong one
  --json             print the preview, or the final background_jobs row with its
                     data_import_jobs row under data_import_job
Exits with 1 when the import failed.`;

export const importsHelp = `Usage: kai imports [--json]

Lists feed imports (data_import_jobs rows), newest first.`;

export const importFailuresHelp = `Usage: kai import-failures JOB_ID [--csv FILE] [--json]

Lists the rows of an import that could not be imported (row, line, field, reason, raw value).
  --csv FILE  also write them to FILE as CSV`;

export async function importCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...globalOptionSpec,
      preview: { type: 'boolean' },
      mapping: { type: 'string' },
      source: { type: 'string' },
      encoding: { type: 'string' },
      'save-template': { type: 'boolean' },
      'record-path': { type: 'string' },
    },
  });
  const file = positionals[0];
  if (!file) throw new UsageError('kai import needs a FILE.');

  const core = await openCliCore(values);
  try {
    if (values.preview) {
      const preview = await core.previewImport(file, {
        sourceName: values.source,
        encoding: values.encoding,
        recordPath: values['record-path'],
      });
      if (values.json) io.stdout.write(`${JSON.stringify(preview, null, 2)}\n`);
      else printPreview(preview, io);
      return 0;
    }

    const mapping = values.mapping ? await readMapping(values.mapping) : undefined;
    const started = await core.startImport(file, {
      sourceName: values.source,
      encoding: values.encoding,
      mapping,
      saveTemplate: values['save-template'],
      recordPath: values['record-path'],
    });
    const [finished] = await runJobsWithProgress(core, [started.job.id], io, true);
    const dataImportJob = await importsRepository.getByJob(core.database.sql, started.job.id);
    if (values.json) {
      io.stdout.write(
        `${JSON.stringify({ ...finished, data_import_job: dataImportJob }, null, 2)}\n`,
      );
    } else if (dataImportJob) {
      io.stdout.write(
        `${finished?.filename}  ${finished?.id}  ${finished?.status}: ${dataImportJob.processed_products} imported, ` +
          `${dataImportJob.failed_products} failed of ${dataImportJob.total_products}` +
          `${finished?.error ? `\n${finished.error}` : ''}\n`,
      );
    }
    return finished?.status === 'completed' ? 0 : 1;
  } finally {
    await core.close();
  }
}

async function readMapping(path: string): Promise<unknown> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new InputError('mapping_file_not_found', {
      source: path,
      problem: `The mapping file cannot be read (${error.code ?? error.message}).`,
      fix: 'Check the path; kai import FILE --preview --json prints a mapping to start from.',
    });
  });
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError('invalid_mapping_file', {
      source: path,
      problem: `The mapping file cannot be read as JSON (${(error as Error).message}).`,
      fix: 'Write the mapping as JSON, for example by editing the proposedMapping of kai import --preview --json.',
    });
  }
}

function printPreview(
  preview: Awaited<ReturnType<Awaited<ReturnType<typeof openCliCore>>['previewImport']>>,
  io: CliIo,
): void {
  io.stdout.write(
    `${preview.source}\n  type ${preview.importType} (${preview.format}), encoding ${preview.encoding.name}, ` +
      `preset ${preview.preset?.label ?? 'none'}, ${preview.recordsProfiled} records profiled\n`,
  );
  const mapping = preview.template ?? preview.proposedMapping;
  io.stdout.write(
    preview.template
      ? `  mapping (the saved template of ${preview.sourceName}):\n`
      : '  proposed mapping:\n',
  );
  for (const [target, field] of Object.entries(mapping.fields)) {
    if (!field.source) continue;
    const source = Array.isArray(field.source) ? field.source.join(' + ') : field.source;
    io.stdout.write(`    ${target.padEnd(14)} <- ${source} (${field.confidence.toFixed(2)})\n`);
  }
  for (const warning of preview.warnings) io.stdout.write(`  warning: ${warning}\n`);
}

export async function importsCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: globalOptionSpec });
  const core = await openCliCore(values);
  try {
    const imports = await importsRepository.list(core.database.sql);
    if (values.json) {
      io.stdout.write(`${JSON.stringify(imports, null, 2)}\n`);
      return 0;
    }
    if (imports.length > 0) {
      io.stdout.write(
        `${'job id'.padEnd(36)}  type ${'status'.padEnd(10)} imported/failed/total  source\n`,
      );
    }
    for (const row of imports) {
      io.stdout.write(
        `${row.background_job_id}  ${row.import_type.padEnd(4)} ${row.status.padEnd(10)} ` +
          `${row.processed_products}/${row.failed_products}/${row.total_products}  ${row.source_name}\n`,
      );
    }
    if (imports.length === 0) io.stdout.write('No imports.\n');
    return 0;
  } finally {
    await core.close();
  }
}

export async function importFailuresCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { ...globalOptionSpec, csv: { type: 'string' } },
  });
  const id = requireId(positionals[0], 'import-failures');

  const core = await openCliCore(values);
  try {
    const sql = core.database.sql;
    const job = await jobsRepository.get(sql, id).catch(() => undefined);
    const row = job ? await importsRepository.getByJob(sql, id) : undefined;
    if (!row) {
      io.stderr.write(`Job ${id} is not a feed import. List imports with kai imports.\n`);
      return 1;
    }
    const failures = await importsRepository.listFailures(sql, row.id);
    if (values.csv) await writeFile(values.csv, failuresToCsv(failures));
    if (values.json) io.stdout.write(`${JSON.stringify(failures, null, 2)}\n`);
    else {
      for (const failure of failures) {
        io.stdout.write(
          `row ${failure.row_number}${failure.line ? ` (line ${failure.line})` : ''}  ${failure.field}: ${failure.reason}\n`,
        );
      }
      io.stdout.write(`${failures.length} failed rows\n`);
    }
    return 0;
  } finally {
    await core.close();
  }
}
