import { StatusBadge } from '../../components/status-badge.tsx';
import { useApi } from '../../hooks/api-context.tsx';
import { useRefresh } from '../../hooks/use-refresh.ts';
import { formatBytes, formatDuration } from '../../lib/format.ts';
import { useAppStore } from '../../store/app-store.ts';
import { MaterialsTable } from '../detail/job-outputs.tsx';

/** Pages fetched for the page queue table. */
const PAGES_SHOWN = 500;

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** Returns a page's path and query when it is on the session's site, else the whole URL. */
export function sitePath(url: string, origin: string | null): string {
  if (!origin || !url.startsWith(`${origin}/`)) return url;
  return url.slice(origin.length);
}

/**
 * Renders one session's page queue, with each page's status and the reason a page failed or was
 * skipped, and the materials found so far. It re-fetches when the session changes.
 */
export function SessionDetail({ sessionId }: { sessionId: string }) {
  const api = useApi();
  const session = useAppStore((state) => state.sessions.find((row) => row.id === sessionId));
  const detail = useAppStore((state) => state.sessionDetail);
  const materials = useAppStore((state) => state.sessionMaterials);

  useRefresh(async () => {
    const result = await api.scrapes.get({ id: sessionId, pageLimit: PAGES_SHOWN });
    if (!result.ok) return;
    const found = await api.materials.list({
      jobId: result.value.session.background_job_id,
      limit: 5_000,
    });
    useAppStore
      .getState()
      .setSessionDetail(sessionId, result.value, found.ok ? found.value.materials : []);
  }, session?.updated_at);

  if (!detail) return <p className="muted">Loading the session…</p>;
  const { pages, totalPages } = detail;
  const origin = originOf(detail.session.source_url);

  return (
    <div className="session-detail">
      <section className="panel" aria-labelledby="pages-title">
        <h2 id="pages-title">
          Page queue <span className="muted">({totalPages} pages)</span>
        </h2>
        <div className="table-scroll tall">
          <table className="data pages-table">
            <caption className="visually-hidden">Pages of the session</caption>
            <thead>
              <tr>
                <th scope="col">URL</th>
                <th scope="col">Status</th>
                <th scope="col">Kind</th>
                <th scope="col">HTTP</th>
                <th scope="col">Depth</th>
                <th scope="col">Materials</th>
                <th scope="col">Size</th>
                <th scope="col">Time</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {pages.map((page) => (
                <tr key={page.id} data-page-status={page.status}>
                  <td className="url" title={page.url}>
                    {sitePath(page.url, origin)}
                  </td>
                  <td>
                    <StatusBadge status={page.status} />
                  </td>
                  <td className="nowrap">
                    {page.kind === 'sitemap' ? 'sitemap' : (page.page_kind ?? '')}
                  </td>
                  <td className="numeric http-status">{page.http_status ?? ''}</td>
                  <td className="numeric">{page.depth}</td>
                  <td className="numeric">{page.materials_found}</td>
                  <td className="numeric">{page.bytes !== null ? formatBytes(page.bytes) : ''}</td>
                  <td className="numeric">
                    {page.duration_ms !== null ? formatDuration(page.duration_ms) : ''}
                  </td>
                  <td className="reason">
                    {page.error ??
                      (page.final_url && page.final_url !== page.url
                        ? `ended at ${page.final_url}`
                        : '')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {totalPages > pages.length ? (
          <p className="muted">
            Showing the first {pages.length} of {totalPages} pages.
          </p>
        ) : null}
      </section>
      <section className="panel" aria-labelledby="scrape-materials-title">
        <h2 id="scrape-materials-title">
          Materials found <span className="muted">({materials.length})</span>
        </h2>
        <MaterialsTable materials={materials} caption="Materials found by the scrape" />
      </section>
    </div>
  );
}
