import type { StageEventRow, StageSummary } from '../../../../contract/rows.ts';
import { StatusBadge } from '../../components/status-badge.tsx';
import { elapsedMs, formatDuration, formatTimestamp } from '../../lib/format.ts';
import { stageLabel } from '../../lib/job-labels.ts';

/** Props of {@link StageTimeline}. */
export interface StageTimelineProps {
  stages: readonly StageSummary[];
  events: readonly StageEventRow[];
}

/**
 * Renders a job's stages in pipeline order with start, checkpoint and duration. A stage's
 * checkpoint is its `completed` event: a retry resumes after the last one.
 */
export function StageTimeline({ stages, events }: StageTimelineProps) {
  const resumeAt = stages.find((stage) => stage.status !== 'completed');
  return (
    <ol className="timeline" aria-label="Stages">
      {stages.map((stage) => {
        const attempts = events.filter(
          (event) => event.stage === stage.name && event.event === 'started',
        ).length;
        const duration = elapsedMs(stage.started_at, stage.completed_at);
        return (
          <li key={stage.name} className={`timeline-item ${stage.status}`}>
            <span className="timeline-dot" aria-hidden="true" />
            <span className="timeline-name">{stageLabel(stage.name)}</span>
            <StatusBadge status={stage.status} />
            <span className="timeline-times muted">
              {stage.started_at ? <span>started {formatTimestamp(stage.started_at)}</span> : null}
              {stage.completed_at ? (
                <span>checkpoint {formatTimestamp(stage.completed_at)}</span>
              ) : null}
              {duration !== null ? <span>took {formatDuration(duration)}</span> : null}
              {attempts > 1 ? <span>{attempts} attempts</span> : null}
              {stage === resumeAt && stage.status !== 'pending' ? (
                <span>a retry resumes here</span>
              ) : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/** Renders the job's full history, oldest first, as recorded in `job_stage_events`. */
export function EventHistory({ events }: { events: readonly StageEventRow[] }) {
  return (
    <table className="data">
      <caption className="visually-hidden">Job history</caption>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Stage</th>
          <th scope="col">Event</th>
          <th scope="col">Attempt</th>
          <th scope="col">Detail</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <tr key={event.id}>
            <td>{formatTimestamp(event.created_at)}</td>
            <td>{stageLabel(event.stage)}</td>
            <td>{event.event}</td>
            <td>{event.attempt}</td>
            <td className="mono">
              {Object.keys(event.detail).length > 0 ? JSON.stringify(event.detail) : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
