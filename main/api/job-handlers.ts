/** Handlers of the `jobs:*` calls, over the engine and the repositories. */
import type { ChangedIds } from '../../contract/calls/common-schemas.ts';
import type { JobCounts, JobDetail } from '../../contract/calls/jobs-calls.ts';
import { JOB_STATUSES, JOB_TYPES } from '../../contract/vocabulary.ts';
import { PDF_STAGES } from '../jobs/job-vocabulary.ts';
import { documentsRepository } from '../store/documents-repository.ts';
import { jobsRepository } from '../store/jobs-repository.ts';
import { stageEventsRepository, summariseStages } from '../store/stage-events-repository.ts';
import type { ApiContext, CallHandlers } from './api-context.ts';
import { ApiFailure } from './api-errors.ts';

type JobCall =
  | 'jobs:list'
  | 'jobs:get'
  | 'jobs:retry'
  | 'jobs:cancel'
  | 'jobs:delete'
  | 'jobs:counts'
  | 'jobs:stats';

export const jobHandlers: CallHandlers<JobCall> = {
  async 'jobs:list'(input, { core }) {
    const { rows, total } = await jobsRepository.search(core.database.sql, {
      statuses: input.statuses,
      jobTypes: input.types,
      search: input.search || undefined,
      createdFrom: input.createdFrom,
      createdTo: input.createdTo,
      limit: input.limit,
    });
    return { jobs: rows, total };
  },

  'jobs:get': (input, context) => loadJobDetail(context, input.id),

  async 'jobs:retry'(input, { core }) {
    return changeEach(input.ids, async (id) => {
      if (input.password) core.engine.setSecrets(id, { password: input.password });
      return core.engine.retry(id);
    });
  },

  'jobs:cancel': async (input, { core }) => changeEach(input.ids, (id) => core.engine.cancel(id)),

  async 'jobs:delete'(input, context) {
    const sql = context.core.database.sql;
    const result = await changeEach(input.ids, (id) => jobsRepository.delete(sql, id));
    if (result.changed > 0) context.emit('jobs:deleted', { ids: result.ids });
    return result;
  },

  async 'jobs:counts'(_input, { core }) {
    const rows = await jobsRepository.countByStatusAndType(core.database.sql);
    const counts: JobCounts = {
      total: 0,
      byStatus: Object.fromEntries(
        JOB_STATUSES.map((status) => [status, 0]),
      ) as JobCounts['byStatus'],
      byType: Object.fromEntries(JOB_TYPES.map((type) => [type, 0])) as JobCounts['byType'],
    };
    for (const row of rows) {
      counts.total += row.count;
      counts.byStatus[row.status] += row.count;
      counts.byType[row.job_type] += row.count;
    }
    return counts;
  },

  async 'jobs:stats'(input, { core }) {
    const buckets = await jobsRepository.hourlyOutcomes(core.database.sql, input.hours);
    return { hours: input.hours, buckets };
  },
};

/** Loads a job with its stages in pipeline order, output counts and full history. */
async function loadJobDetail(context: ApiContext, id: string): Promise<JobDetail> {
  const sql = context.core.database.sql;
  const job = await jobsRepository.get(sql, id);
  if (!job) throw new ApiFailure('not_found', `Job ${id} was not found; it may have been deleted.`);

  const events = await stageEventsRepository.list(sql, id);
  // PDF jobs show all nine stages, pending ones included. Other job types show the stages
  // they have recorded so far, in the order they first appeared.
  const order =
    job.job_type === 'pdf_processing'
      ? PDF_STAGES
      : [...new Set(events.map((event) => event.stage).filter((stage) => stage !== null))];
  const outputs = job.document_id
    ? await documentsRepository.counts(sql, job.document_id)
    : { pages: 0, chunks: 0, tiles: 0, materials: 0 };
  return { job, stages: summariseStages(events, order), outputs, events };
}

/** Applies `change` to each id in turn and collects the ids it changed. */
async function changeEach(
  ids: string[],
  change: (id: string) => Promise<boolean>,
): Promise<ChangedIds> {
  const changed: string[] = [];
  for (const id of new Set(ids)) {
    if (await change(id)) changed.push(id);
  }
  return { changed: changed.length, ids: changed };
}
