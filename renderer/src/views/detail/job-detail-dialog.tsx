import { ModalDialog } from '../../components/modal-dialog.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { useApi } from '../../hooks/api-context.tsx';
import { useRefresh } from '../../hooks/use-refresh.ts';
import { canApply } from '../../lib/bulk-actions.ts';
import { downloadText } from '../../lib/download.ts';
import { jobDisplayName, stageLabel } from '../../lib/job-labels.ts';
import { isStalled } from '../../lib/job-stall.ts';
import { applyJobAction } from '../../services/job-actions.ts';
import { useAppStore } from '../../store/app-store.ts';
import type { JobDetailData } from '../../store/detail-slice.ts';
import { MaterialsTable, OutputCounts, TileGallery } from './job-outputs.tsx';
import { JobMetadata } from './job-metadata.tsx';
import { needsPassword, PasswordRetry } from './password-retry.tsx';
import { EventHistory, StageTimeline } from './stage-timeline.tsx';

/** Tiles fetched for the gallery. */
const TILES_SHOWN = 120;

/**
 * Renders the detail of one job: its error and what to do, stage timeline with checkpoints,
 * outputs, metadata and history, with retry, cancel, delete and a JSON export. It
 * re-fetches whenever the job's row changes.
 */
export function JobDetailDialog({ jobId }: { jobId: string }) {
  const api = useApi();
  const job = useAppStore((state) => state.jobs.get(jobId));
  const data = useAppStore((state) => state.detailData);
  const error = useAppStore((state) => state.detailError);
  const stalled = useAppStore((state) => {
    const row = state.jobs.get(jobId);
    return row ? isStalled(row, state.now, state.stallAfterMs) : false;
  });
  const closeDetail = useAppStore((state) => state.closeDetail);
  const requestAction = useAppStore((state) => state.requestAction);

  useRefresh(async () => {
    const detail = await api.jobs.get({ id: jobId });
    if (!detail.ok) {
      useAppStore.getState().setDetailError(jobId, detail.error.message);
      return;
    }
    const [materials, tiles] = await Promise.all([
      api.materials.list({ jobId, limit: 5_000 }),
      api.documents.tiles({ jobId, limit: TILES_SHOWN }),
    ]);
    useAppStore.getState().setDetailData(jobId, {
      detail: detail.value,
      materials: materials.ok ? materials.value.materials : [],
      tiles: tiles.ok ? tiles.value : null,
    });
  }, job?.updated_at);

  const current = job ?? data?.detail.job;
  const title = current ? jobDisplayName(current) : 'Job';

  const exportJson = () => {
    if (!data) return;
    const content = JSON.stringify(exportShape(data), null, 2);
    downloadText(`kai-job-${jobId}.json`, content, 'application/json');
  };

  const actions = current ? (
    <>
      {canApply('retry', current.status) ? (
        <button
          type="button"
          onClick={() => void applyJobAction(api, useAppStore, 'retry', [jobId])}
        >
          Retry
        </button>
      ) : null}
      {canApply('cancel', current.status) ? (
        <button
          type="button"
          onClick={() => void applyJobAction(api, useAppStore, 'cancel', [jobId])}
        >
          Cancel job
        </button>
      ) : null}
      {canApply('delete', current.status) ? (
        <button
          type="button"
          className="danger"
          onClick={() => {
            closeDetail();
            requestAction({ action: 'delete', ids: [jobId] });
          }}
        >
          Delete
        </button>
      ) : null}
      <button type="button" onClick={exportJson} disabled={!data}>
        Export JSON
      </button>
    </>
  ) : null;

  return (
    <ModalDialog title={title} onClose={closeDetail} footer={actions}>
      {current ? (
        <div className="detail-summary">
          <StatusBadge status={current.status} />
          {stalled ? <StatusBadge status="stalled" /> : null}
          <span>{Math.round(current.progress)}%</span>
          <span className="muted">stage: {stageLabel(current.current_stage)}</span>
        </div>
      ) : null}
      {!job && data ? (
        <p className="muted">This job was deleted; what is shown was fetched before.</p>
      ) : null}
      {current?.status === 'failed' && current.error ? (
        <section className="detail-section" aria-labelledby="detail-error">
          <h3 id="detail-error">Error</h3>
          <p className="error-box" role="alert">
            {current.error}
          </p>
          <p className="muted">
            {canApply('retry', current.status)
              ? 'Fix what the message names, then retry: the job resumes after its last checkpoint.'
              : ''}
          </p>
          {needsPassword(current) ? <PasswordRetry jobId={jobId} /> : null}
        </section>
      ) : null}
      {error ? <p className="error-box">{error}</p> : null}
      {!data && !error ? <p className="muted">Loading the job…</p> : null}
      {data ? <DetailBody data={data} /> : null}
    </ModalDialog>
  );
}

function DetailBody({ data }: { data: JobDetailData }) {
  const { detail, materials, tiles } = data;
  return (
    <>
      <section className="detail-section" aria-labelledby="detail-stages">
        <h3 id="detail-stages">Stages</h3>
        {detail.stages.length > 0 ? (
          <StageTimeline stages={detail.stages} events={detail.events} />
        ) : (
          <p className="muted">No stages recorded yet.</p>
        )}
      </section>
      <section className="detail-section" aria-labelledby="detail-outputs">
        <h3 id="detail-outputs">Outputs</h3>
        <OutputCounts outputs={detail.outputs} />
        <h4>Materials</h4>
        <MaterialsTable materials={materials} caption="Materials of this job" />
        <h4>Tiles</h4>
        <TileGallery tiles={tiles} />
      </section>
      <section className="detail-section" aria-labelledby="detail-metadata">
        <h3 id="detail-metadata">Metadata</h3>
        <JobMetadata job={detail.job} />
      </section>
      <details className="detail-section">
        <summary>History ({detail.events.length} events)</summary>
        <EventHistory events={detail.events} />
      </details>
    </>
  );
}

/** Builds the JSON export: the job's row, stages, history, output counts, materials, tiles. */
function exportShape({ detail, materials, tiles }: JobDetailData) {
  return {
    job: detail.job,
    stages: detail.stages,
    events: detail.events,
    outputs: detail.outputs,
    materials,
    tiles: tiles?.tiles ?? [],
  };
}
