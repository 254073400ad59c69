import { useState } from 'react';
import type { ImportRowFailureRow } from '../../../../contract/rows.ts';
import { ProgressBar } from '../../components/progress-bar.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { useApi } from '../../hooks/api-context.tsx';
import { useRefresh } from '../../hooks/use-refresh.ts';
import { toCsv } from '../../lib/csv-export.ts';
import { downloadText } from '../../lib/download.ts';
import { errorNotice } from '../../services/notice-factory.ts';
import { useAppStore } from '../../store/app-store.ts';
import { MaterialsTable } from '../detail/job-outputs.tsx';

/** Failed rows listed on screen; the CSV export carries up to the contract's 5,000. */
const FAILURES_SHOWN = 200;

/**
 * Renders the import being watched: live processed / failed / total, the products it has stored,
 * and its failed rows with a CSV export.
 */
export function ImportProgressPanel({ importId }: { importId: string }) {
  const api = useApi();
  const row = useAppStore((state) => state.imports.find((entry) => entry.id === importId));
  const materials = useAppStore((state) => state.importMaterials);
  const openDetail = useAppStore((state) => state.openDetail);
  const [failures, setFailures] = useState<{ total: number; rows: ImportRowFailureRow[] }>({
    total: 0,
    rows: [],
  });

  useRefresh(
    async () => {
      if (!row) return;
      const [found, failed] = await Promise.all([
        api.materials.list({ jobId: row.background_job_id, limit: 5_000 }),
        api.imports.failures({ importId, limit: FAILURES_SHOWN }),
      ]);
      if (found.ok) useAppStore.getState().setImportMaterials(importId, found.value.materials);
      if (failed.ok) setFailures({ total: failed.value.total, rows: failed.value.failures });
    },
    row?.updated_at,
    row !== undefined,
  );

  if (!row) return null;
  const done = row.processed_products + row.failed_products;
  const percent = row.total_products > 0 ? (done / row.total_products) * 100 : 0;

  const exportCsv = async () => {
    const result = await api.imports.failures({ importId, format: 'csv', limit: 5_000 });
    if (!result.ok) {
      useAppStore
        .getState()
        .pushNotice(errorNotice('The failed rows could not be exported', result.error));
      return;
    }
    const csv =
      result.value.csv ??
      toCsv(
        ['row_number', 'line', 'field', 'reason', 'raw_value'],
        result.value.failures.map((failure) => [
          failure.row_number,
          failure.line,
          failure.field,
          failure.reason,
          failure.raw_value,
        ]),
      );
    downloadText(`${row.source_name}-failed-rows.csv`, csv, 'text/csv');
  };

  return (
    <section className="panel import-progress" aria-labelledby="progress-title">
      <div className="panel-header">
        <h2 id="progress-title">Import of {row.source_name}</h2>
        <StatusBadge status={row.status} />
        <button type="button" onClick={() => openDetail(row.background_job_id)}>
          Job detail
        </button>
      </div>
      <div className="import-counters" aria-live="polite">
        <span>
          Processed <strong data-testid="import-processed">{row.processed_products}</strong>
        </span>
        <span>
          Failed <strong data-testid="import-failed">{row.failed_products}</strong>
        </span>
        <span>
          Total <strong data-testid="import-total">{row.total_products}</strong>
        </span>
      </div>
      <ProgressBar
        value={row.status === 'completed' ? 100 : percent}
        label="Import progress"
        tone={row.status}
      />
      {row.error_message ? <p className="error-box">{row.error_message}</p> : null}

      <h3>Products ({materials.length})</h3>
      <MaterialsTable materials={materials} caption="Products stored by the import" />

      <div className="panel-header">
        <h3>Failed rows ({failures.total})</h3>
        <button type="button" onClick={() => void exportCsv()} disabled={failures.total === 0}>
          Export failed rows as CSV
        </button>
      </div>
      {failures.rows.length > 0 ? (
        <div className="table-scroll">
          <table className="data">
            <caption className="visually-hidden">Failed rows</caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Line</th>
                <th scope="col">Field</th>
                <th scope="col">Reason</th>
                <th scope="col">Value</th>
              </tr>
            </thead>
            <tbody>
              {failures.rows.map((failure) => (
                <tr key={failure.id}>
                  <td className="numeric">{failure.row_number}</td>
                  <td className="numeric">{failure.line ?? ''}</td>
                  <td className="mono">{failure.field}</td>
                  <td>{failure.reason}</td>
                  <td className="mono">{failure.raw_value ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">No failed rows.</p>
      )}
    </section>
  );
}
