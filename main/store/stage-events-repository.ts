import { randomUUID } from 'node:crypto';
import type { StageEvent } from '../jobs/job-vocabulary.ts';
import type { Sql } from './database.ts';
import type { StageEventRow, StageSummary } from '../../contract/rows.ts';

// The row types are defined once, in the contract the UI shares; this module writes them.
export type { StageEventRow, StageSummary };

export const stageEventsRepository = {
  async append(
    sql: Sql,
    event: {
      jobId: string;
      stage: string | null;
      event: StageEvent;
      attempt: number;
      detail?: Record<string, unknown>;
    },
  ): Promise<void> {
    await sql.query(
      `insert into job_stage_events (id, job_id, stage, event, attempt, detail)
       values ($1, $2, $3, $4, $5, $6)`,
      [randomUUID(), event.jobId, event.stage, event.event, event.attempt, event.detail ?? {}],
    );
  },

  async list(sql: Sql, jobId: string): Promise<StageEventRow[]> {
    const result = await sql.query<StageEventRow>(
      `select id, job_id, stage, event, attempt, detail,
         to_json(created_at)#>>'{}' as created_at
       from job_stage_events where job_id = $1 order by created_at, id`,
      [jobId],
    );
    return result.rows;
  },

  /** Returns the stages whose checkpoint is recorded. */
  async completedStages(sql: Sql, jobId: string): Promise<Set<string>> {
    const result = await sql.query<{ stage: string }>(
      `select distinct stage from job_stage_events where job_id = $1 and event = 'completed'
         and stage is not null`,
      [jobId],
    );
    return new Set(result.rows.map((row) => row.stage));
  },
};

/**
 * Folds a job's events into one entry per stage in `order`: the latest start, the first
 * checkpoint, and a failed status when the latest event of the stage is a failure.
 */
export function summariseStages(events: StageEventRow[], order: readonly string[]): StageSummary[] {
  return order.map((name) => {
    const own = events.filter((event) => event.stage === name);
    const started = own.filter((event) => event.event === 'started').at(-1);
    const completed = own.find((event) => event.event === 'completed');
    const last = own.at(-1);

    let status: StageSummary['status'] = 'pending';
    if (completed) status = 'completed';
    else if (last?.event === 'failed') status = 'failed';
    else if (started) status = 'processing';

    return {
      name,
      status,
      started_at: started?.created_at ?? null,
      completed_at: completed?.created_at ?? null,
    };
  });
}
