import { useId, useState, type FormEvent } from 'react';
import type { BackgroundJobRow } from '../../../../contract/rows.ts';
import { useApi } from '../../hooks/api-context.tsx';

/** Returns whether a failed job needs a PDF password to go on. */
export function needsPassword(job: BackgroundJobRow): boolean {
  return (
    job.job_type === 'pdf_processing' &&
    job.status === 'failed' &&
    /password/i.test(job.error ?? '')
  );
}

/**
 * Asks for the password of an encrypted PDF and retries the job with it. The core keeps the
 * password in memory for this job only; it is never stored.
 */
export function PasswordRetry({ jobId }: { jobId: string }) {
  const api = useApi();
  const inputId = useId();
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password === '') return;
    setSending(true);
    const result = await api.jobs.retry({ ids: [jobId], password });
    setSending(false);
    setMessage(result.ok ? 'Retrying with the password.' : result.error.message);
    if (result.ok) setPassword('');
  };

  return (
    <form className="password-retry" onSubmit={(event) => void submit(event)}>
      <label htmlFor={inputId}>PDF password</label>
      <input
        id={inputId}
        type="password"
        autoComplete="off"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <button type="submit" disabled={sending || password === ''}>
        Retry with password
      </button>
      {message ? <p role="status">{message}</p> : null}
    </form>
  );
}
