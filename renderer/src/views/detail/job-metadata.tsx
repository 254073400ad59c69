import type { BackgroundJobRow } from '../../../../contract/rows.ts';
import { formatTimestamp } from '../../lib/format.ts';
import { jobTypeLabel } from '../../lib/job-labels.ts';

function metadataValue(value: unknown): string {
  if (value === null || value === undefined) return '–';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Renders a job's columns and its metadata object as a description list. */
export function JobMetadata({ job }: { job: BackgroundJobRow }) {
  const rows: [string, string][] = [
    ['Job id', job.id],
    ['Type', `${jobTypeLabel(job.job_type)} (${job.job_type})`],
    ['Status', job.status],
    ['Progress', `${Math.round(job.progress)}%`],
    ['Created', formatTimestamp(job.created_at)],
    ['Started', formatTimestamp(job.started_at)],
    ['Completed', formatTimestamp(job.completed_at)],
    ['Failed', formatTimestamp(job.failed_at)],
    ['Last heartbeat', formatTimestamp(job.last_heartbeat)],
    ['Retries', String(job.retry_count)],
    ['Next attempt', formatTimestamp(job.next_attempt_at)],
    ['Document id', job.document_id ?? '–'],
    ...Object.entries(job.metadata).map(([key, value]): [string, string] => [
      key,
      metadataValue(value),
    ]),
  ];
  return (
    <dl className="metadata">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
