import { useState, type FormEvent } from 'react';
import { useApi } from '../../hooks/api-context.tsx';
import { useAppStore } from '../../store/app-store.ts';

/** Splits the categories field on commas and new lines, dropping blanks. */
export function parseCategories(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** Renders the form that starts a scrape: start URL, page budget and categories to keep. */
export function ScrapeForm() {
  const api = useApi();
  const [url, setUrl] = useState('');
  const [maxPages, setMaxPages] = useState(50);
  const [categories, setCategories] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await api.scrapes.start({
      url: url.trim(),
      maxPages,
      categories: parseCategories(categories),
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    const state = useAppStore.getState();
    state.upsertSession(result.value.session);
    state.upsertJobs([result.value.job]);
    state.openSession(result.value.session.id);
  };

  return (
    <form className="panel scrape-form" onSubmit={(event) => void submit(event)}>
      <h2>New scrape</h2>
      <div className="form-row">
        <label className="field grow">
          <span>Start URL</span>
          <input
            type="url"
            required
            placeholder="https://supplier.example/catalog"
            value={url}
            onChange={(event) => setUrl(event.target.value)}
          />
        </label>
        <label className="field">
          <span>Max pages</span>
          <input
            type="number"
            min={1}
            max={100_000}
            required
            value={maxPages}
            onChange={(event) => setMaxPages(Number(event.target.value))}
          />
        </label>
        <label className="field grow">
          <span>Categories (comma separated; empty keeps every product page)</span>
          <input
            type="text"
            placeholder="tiles, flooring"
            value={categories}
            onChange={(event) => setCategories(event.target.value)}
          />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Starting…' : 'Start scrape'}
        </button>
      </div>
      {error ? (
        <p className="error-box" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
