import { useEffect } from 'react';
import { useApi } from '../../hooks/api-context.tsx';
import { useAppStore } from '../../store/app-store.ts';
import { ScrapeForm } from './scrape-form.tsx';
import { SessionDetail } from './session-detail.tsx';
import { SessionList } from './session-list.tsx';

/** Renders the scraper: start a scrape, follow every session, open one's pages. */
export function ScraperView() {
  const api = useApi();
  const openSessionId = useAppStore((state) => state.openSessionId);

  // Sessions arrive through `scrapes:changed`; the list is fetched again on entry so a view
  // opened after a reconnection is complete.
  useEffect(() => {
    void api.scrapes.list().then((result) => {
      if (result.ok) useAppStore.getState().replaceSessions(result.value.sessions);
    });
  }, [api]);

  return (
    <div className="view scraper-view">
      <div className="view-header">
        <h1>Scraper</h1>
      </div>
      <ScrapeForm />
      <section className="panel" aria-labelledby="sessions-title">
        <h2 id="sessions-title">Sessions</h2>
        <SessionList />
      </section>
      {openSessionId ? <SessionDetail sessionId={openSessionId} /> : null}
    </div>
  );
}
