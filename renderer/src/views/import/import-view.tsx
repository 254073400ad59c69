import { useCallback, useEffect } from 'react';
import { OpenFilesButton } from '../../components/open-files-button.tsx';
import { useApi } from '../../hooks/api-context.tsx';
import { intakeFiles } from '../../services/file-intake.ts';
import { useAppStore } from '../../store/app-store.ts';
import { ImportHistory } from './import-history.tsx';
import { ImportPreviewPanel } from './import-preview-panel.tsx';
import { ImportProgressPanel } from './import-progress-panel.tsx';

const FEED_FILES = '.csv,.tsv,.txt,.xml,.json,.jsonl,.ndjson';

/** Renders feed imports: choose or drop a feed, map its fields, start, follow the result. */
export function ImportView() {
  const api = useApi();
  const preview = useAppStore((state) => state.preview);
  const previewLoading = useAppStore((state) => state.previewLoading);
  const previewError = useAppStore((state) => state.previewError);
  const watchedImportId = useAppStore((state) => state.watchedImportId);
  const onFiles = useCallback((files: File[]) => void intakeFiles(api, useAppStore, files), [api]);

  useEffect(() => {
    void api.imports.list().then((result) => {
      if (result.ok) useAppStore.getState().replaceImports(result.value.imports);
    });
  }, [api]);

  return (
    <div className="view import-view">
      <div className="view-header">
        <h1>Import</h1>
      </div>
      <section className="panel drop-panel" aria-labelledby="import-file-title">
        <h2 id="import-file-title">Feed file</h2>
        <p className="muted">
          Drop a CSV, XML or JSON feed anywhere on the window, or choose one. The preview reads a
          sample and proposes a mapping; nothing is stored until you start the import.
        </p>
        <OpenFilesButton onFiles={onFiles} label="Choose a feed…" accept={FEED_FILES} />
      </section>
      {previewLoading ? <p className="muted">Reading the feed…</p> : null}
      {previewError ? (
        <p className="error-box" role="alert">
          {previewError}
        </p>
      ) : null}
      {preview ? <ImportPreviewPanel preview={preview} /> : null}
      {watchedImportId ? <ImportProgressPanel importId={watchedImportId} /> : null}
      <section className="panel" aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        <ImportHistory />
      </section>
    </div>
  );
}
