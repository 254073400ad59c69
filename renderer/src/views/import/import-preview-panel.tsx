import { useState } from 'react';
import type { ImportPreview } from '../../../../contract/calls/imports-calls.ts';
import { useApi } from '../../hooks/api-context.tsx';
import { useAppStore } from '../../store/app-store.ts';
import { MappingEditor } from './mapping-editor.tsx';

/** Renders the preview of a dropped feed: what was detected, its fields, and the mapping. */
export function ImportPreviewPanel({ preview }: { preview: ImportPreview }) {
  const api = useApi();
  const mapping = useAppStore((state) => state.mapping);
  const sourceName = useAppStore((state) => state.sourceName);
  const saveAsTemplate = useAppStore((state) => state.saveAsTemplate);
  const setSourceName = useAppStore((state) => state.setSourceName);
  const setSaveAsTemplate = useAppStore((state) => state.setSaveAsTemplate);
  const clearPreview = useAppStore((state) => state.clearPreview);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fileName = preview.path.split(/[\\/]/).at(-1) ?? preview.path;
  const missingName = !mapping.name;

  const start = async () => {
    setStarting(true);
    setError(null);
    const result = await api.imports.start({
      path: preview.path,
      mapping,
      sourceName: sourceName.trim(),
      saveAsTemplate,
      recordPath: preview.recordPath,
      ...(preview.preset ? { preset: preview.preset } : {}),
    });
    setStarting(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    const state = useAppStore.getState();
    state.upsertJobs([result.value.job]);
    state.upsertImport(result.value.importJob);
    state.watchImport(result.value.importJob.id);
    clearPreview();
  };

  return (
    <section className="panel import-preview" aria-labelledby="preview-title">
      <div className="panel-header">
        <h2 id="preview-title">Preview of {fileName}</h2>
        <button type="button" onClick={clearPreview}>
          Discard
        </button>
      </div>
      <dl className="counts">
        <div>
          <dt>Format</dt>
          <dd>{preview.format}</dd>
        </div>
        <div>
          <dt>Encoding</dt>
          <dd>{preview.encoding}</dd>
        </div>
        <div>
          <dt>Layout</dt>
          <dd>{preview.preset ?? 'generic'}</dd>
        </div>
        <div>
          <dt>Template</dt>
          <dd>{preview.template ? preview.template.supplier : 'none'}</dd>
        </div>
        {preview.recordPath ? (
          <div>
            <dt>Records at</dt>
            <dd className="mono">{preview.recordPath}</dd>
          </div>
        ) : null}
        <div>
          <dt>Records sampled</dt>
          <dd>{preview.sampledRecords}</dd>
        </div>
        <div>
          <dt>Fields found</dt>
          <dd>{preview.fields.length}</dd>
        </div>
      </dl>

      {preview.warnings.length > 0 ? (
        <ul className="warning" aria-label="Preview warnings">
          {preview.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      ) : null}

      <h3>Mapping</h3>
      <MappingEditor preview={preview} />

      <details>
        <summary>Detected fields ({preview.fields.length})</summary>
        <table className="data">
          <caption className="visually-hidden">Detected fields</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Filled</th>
              <th scope="col">Sample values</th>
            </tr>
          </thead>
          <tbody>
            {preview.fields.map((field) => (
              <tr key={field.path}>
                <td className="mono">{field.path}</td>
                <td className="numeric">{Math.round(field.fillRate * 100)}%</td>
                <td className="samples">{field.samples.join(' · ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>

      <div className="form-row">
        <label className="field grow">
          <span>Supplier or feed name</span>
          <input
            type="text"
            required
            value={sourceName}
            onChange={(event) => setSourceName(event.target.value)}
          />
        </label>
        <label>
          <input
            type="checkbox"
            checked={saveAsTemplate}
            onChange={(event) => setSaveAsTemplate(event.target.checked)}
          />
          Save this mapping as the supplier's template
        </label>
        <button
          type="button"
          className="primary"
          disabled={starting || missingName || sourceName.trim() === ''}
          onClick={() => void start()}
        >
          {starting ? 'Starting…' : 'Start import'}
        </button>
      </div>
      {missingName ? (
        <p className="muted">Map a feed field to Name: every material needs one.</p>
      ) : null}
      {error ? (
        <p className="error-box" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
