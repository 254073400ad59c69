import type { ScrapingSessionRow } from '../../../../contract/rows.ts';
import { ProgressBar } from '../../components/progress-bar.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { useApi } from '../../hooks/api-context.tsx';
import { formatTimestamp } from '../../lib/format.ts';
import { errorNotice } from '../../services/notice-factory.ts';
import { useAppStore } from '../../store/app-store.ts';

type SessionAction = 'pause' | 'resume' | 'cancel';

const ACTIONS: Record<SessionAction, readonly string[]> = {
  pause: ['pending', 'processing', 'scraping'],
  resume: ['paused'],
  cancel: ['pending', 'processing', 'scraping', 'paused'],
};

/** Renders the scrape sessions with their page counters and controls. */
export function SessionList() {
  const sessions = useAppStore((state) => state.sessions);
  const openSessionId = useAppStore((state) => state.openSessionId);
  const openSession = useAppStore((state) => state.openSession);

  if (sessions.length === 0) {
    return <p className="empty">No scrapes yet. Start one above.</p>;
  }
  return (
    <div className="table-scroll">
      <table className="data sessions-table">
        <caption className="visually-hidden">Scrape sessions</caption>
        <thead>
          <tr>
            <th scope="col">Start URL</th>
            <th scope="col">Status</th>
            <th scope="col">Pages done / failed / found</th>
            <th scope="col">Materials</th>
            <th scope="col">Progress</th>
            <th scope="col">Created</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => (
            <SessionRow
              key={session.id}
              session={session}
              open={session.id === openSessionId}
              onOpen={() => openSession(session.id)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SessionRow({
  session,
  open,
  onOpen,
}: {
  session: ScrapingSessionRow;
  open: boolean;
  onOpen: () => void;
}) {
  const api = useApi();
  const run = async (action: SessionAction) => {
    const call =
      action === 'pause'
        ? api.scrapes.pause
        : action === 'resume'
          ? api.scrapes.resume
          : api.scrapes.cancel;
    const result = await call({ ids: [session.id] });
    if (!result.ok)
      useAppStore
        .getState()
        .pushNotice(errorNotice(`Could not ${action} the scrape`, result.error));
  };

  return (
    <tr className={open ? 'open' : undefined} data-session-id={session.id}>
      <td>
        <button type="button" className="link-button" onClick={onOpen} aria-expanded={open}>
          {session.source_url}
        </button>
      </td>
      <td>
        <StatusBadge status={session.status} />
      </td>
      <td className="numeric">
        {session.completed_pages} / {session.failed_pages} / {session.total_pages}
      </td>
      <td className="numeric">{session.materials_processed}</td>
      <td>
        <ProgressBar
          value={session.progress_percentage}
          label={`Progress of ${session.source_url}`}
        />
      </td>
      <td>{formatTimestamp(session.created_at)}</td>
      <td className="actions">
        {(Object.keys(ACTIONS) as SessionAction[])
          .filter((action) => ACTIONS[action].includes(session.status))
          .map((action) => (
            <button
              key={action}
              type="button"
              className="small"
              onClick={() => void run(action)}
              aria-label={`${action[0]!.toUpperCase()}${action.slice(1)} scrape of ${session.source_url}`}
            >
              {action[0]!.toUpperCase() + action.slice(1)}
            </button>
          ))}
      </td>
    </tr>
  );
}
