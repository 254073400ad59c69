import { useCallback, useEffect } from 'react';
import { ConnectionBanner } from './components/connection-banner.tsx';
import { NoticeList } from './components/notice-list.tsx';
import { OpenFilesButton } from './components/open-files-button.tsx';
import { SideNav } from './components/side-nav.tsx';
import { ThemeToggle } from './components/theme-toggle.tsx';
import { useApi } from './hooks/api-context.tsx';
import { useFileDrop } from './hooks/use-file-drop.ts';
import { useHashView } from './hooks/use-hash-view.ts';
import { useTheme } from './hooks/use-theme.ts';
import { intakeFiles } from './services/file-intake.ts';
import { useAppStore } from './store/app-store.ts';
import { JobDetailDialog } from './views/detail/job-detail-dialog.tsx';
import { ImportView } from './views/import/import-view.tsx';
import { ActionConfirmation } from './views/queue/action-confirmation.tsx';
import { QueueView } from './views/queue/queue-view.tsx';
import { ScraperView } from './views/scraper/scraper-view.tsx';
import { SettingsView } from './views/settings/settings-view.tsx';

/** Renders the console's shell: navigation, the current view, dialogs, notices, file drops. */
export function App() {
  const api = useApi();
  const view = useAppStore((state) => state.view);
  const detailJobId = useAppStore((state) => state.detailJobId);
  useHashView();
  useTheme();
  useAcknowledgeFailures();

  const onFiles = useCallback((files: File[]) => void intakeFiles(api, useAppStore, files), [api]);
  const dragging = useFileDrop(onFiles);

  return (
    <>
      <a className="skip-link" href="#main-content">
        Skip to the view
      </a>
      <div className="app">
        <aside className="sidebar">
          <div className="brand">KAI Console</div>
          <SideNav />
          <OpenFilesButton onFiles={onFiles} className="primary" />
          <p className="muted drop-hint">or drop PDFs and feeds anywhere</p>
          <div className="sidebar-footer">
            <ThemeToggle />
            <span>{api.mode === 'electron' ? 'Desktop' : 'Browser mode'}</span>
          </div>
        </aside>
        <main id="main-content" className="main" tabIndex={-1}>
          <ConnectionBanner />
          {view === 'queue' ? <QueueView /> : null}
          {view === 'scraper' ? <ScraperView /> : null}
          {view === 'import' ? <ImportView /> : null}
          {view === 'settings' ? <SettingsView /> : null}
        </main>
      </div>
      {detailJobId ? <JobDetailDialog key={detailJobId} jobId={detailJobId} /> : null}
      <ActionConfirmation />
      <NoticeList />
      {dragging ? (
        <div className="drop-overlay" aria-hidden="true">
          Drop PDFs to process them, or a feed to import it
        </div>
      ) : null}
    </>
  );
}

/** Marks failures as seen once the user looks at the failed jobs in the queue. */
function useAcknowledgeFailures(): void {
  const api = useApi();
  const looking = useAppStore(
    (state) =>
      state.view === 'queue' &&
      state.filter.statuses.includes('failed') &&
      state.unseenFailures > 0,
  );
  useEffect(() => {
    if (!looking) return;
    void api.notifications.acknowledge({}).then((result) => {
      if (result.ok) useAppStore.getState().setUnseenFailures(result.value.unseenFailures);
    });
  }, [api, looking]);
}
