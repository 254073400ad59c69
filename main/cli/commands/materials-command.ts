import { parseArgs } from 'node:util';
import { jobsRepository } from '../../store/jobs-repository.ts';
import { materialsRepository } from '../../store/materials-repository.ts';
import { openCliCore, requireId, UsageError, type CliIo } from '../cli-context.ts';
import { globalOptionSpec } from '../global-options.ts';

export const materialsHelp = `Usage: kai materials [--job ID] [--search TEXT] [--json]

Lists stored materials.
  --job ID       only the materials of this job's document or source
  --search TEXT  full-text match on name, code, category and manufacturer
  --limit N      rows at most (default 100000)
  --json         print materials rows as a JSON array`;

export async function materialsCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...globalOptionSpec,
      job: { type: 'string' },
      search: { type: 'string' },
      limit: { type: 'string' },
    },
  });

  const core = await openCliCore(values);
  try {
    const sql = core.database.sql;
    let documentId: string | undefined;
    let jobId: string | undefined;
    if (values.job) {
      const job = await jobsRepository.get(sql, requireId(values.job, 'materials --job'));
      if (!job) {
        io.stderr.write(`Job ${values.job} not found. List jobs with kai jobs.\n`);
        return 1;
      }
      if (job.document_id) documentId = job.document_id;
      else jobId = job.id;
    }
    const limit = values.limit === undefined ? 100_000 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) {
      throw new UsageError(`--limit must be a positive whole number, got "${values.limit}".`);
    }
    const materials = await materialsRepository.list(sql, {
      documentId,
      jobId,
      search: values.search,
      limit,
    });
    if (values.json) {
      io.stdout.write(`${JSON.stringify(materials, null, 2)}\n`);
      return 0;
    }
    for (const material of materials) {
      const price = material.price === null ? '' : `${material.price} ${material.currency ?? ''}`;
      io.stdout.write(
        [
          material.sku ?? '-',
          material.name,
          material.dimensions ?? '',
          price,
          `p.${material.page_number ?? '-'}`,
        ]
          .join('  ')
          .concat('\n'),
      );
    }
    const more = materials.length === limit ? ` (the first ${limit}; raise --limit for more)` : '';
    io.stdout.write(`${materials.length} materials${more}\n`);
    return 0;
  } finally {
    await core.close();
  }
}
