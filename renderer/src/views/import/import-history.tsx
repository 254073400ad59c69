import type { DataImportJobRow } from '../../../../contract/rows.ts';
import { StatusBadge } from '../../components/status-badge.tsx';
import { useApi } from '../../hooks/api-context.tsx';
import { formatTimestamp } from '../../lib/format.ts';
import { errorNotice } from '../../services/notice-factory.ts';
import { useAppStore } from '../../store/app-store.ts';
import { readStoredMapping } from '../../lib/stored-mapping.ts';

/** Renders past imports, newest first, each with a re-run of the same file and mapping. */
export function ImportHistory() {
  const imports = useAppStore((state) => state.imports);
  const watchedImportId = useAppStore((state) => state.watchedImportId);
  const watchImport = useAppStore((state) => state.watchImport);
  const api = useApi();

  const rerun = async (row: DataImportJobRow) => {
    const stored = readStoredMapping(row.field_mappings);
    const result = await api.imports.start({
      path: row.file_path,
      mapping: stored.mapping,
      sourceName: row.source_name,
      recordPath: stored.recordPath,
      ...(row.preset ? { preset: row.preset } : {}),
    });
    if (!result.ok) {
      useAppStore
        .getState()
        .pushNotice(errorNotice('The import did not start again', result.error));
      return;
    }
    const state = useAppStore.getState();
    state.upsertJobs([result.value.job]);
    state.upsertImport(result.value.importJob);
    state.watchImport(result.value.importJob.id);
  };

  if (imports.length === 0) return <p className="empty">No imports yet.</p>;
  return (
    <div className="table-scroll">
      <table className="data">
        <caption className="visually-hidden">Import history</caption>
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col">Type</th>
            <th scope="col">Status</th>
            <th scope="col">Processed / failed / total</th>
            <th scope="col">Created</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {imports.map((row) => (
            <tr key={row.id} className={row.id === watchedImportId ? 'open' : undefined}>
              <td>{row.source_name}</td>
              <td>{row.import_type}</td>
              <td>
                <StatusBadge status={row.status} />
              </td>
              <td className="numeric">
                {row.processed_products} / {row.failed_products} / {row.total_products}
              </td>
              <td>{formatTimestamp(row.created_at)}</td>
              <td className="actions">
                <button
                  type="button"
                  className="small"
                  onClick={() => watchImport(row.id)}
                  aria-label={`Show products and failed rows of ${row.source_name}`}
                >
                  Show
                </button>
                <button
                  type="button"
                  className="small"
                  onClick={() => void rerun(row)}
                  disabled={row.status === 'pending' || row.status === 'processing'}
                  aria-label={`Re-run the import of ${row.source_name}`}
                >
                  Re-run
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
