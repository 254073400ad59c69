import { useAppStore } from '../store/app-store.ts';
import type { View } from '../store/ui-slice.ts';

const ENTRIES: { view: View; label: string }[] = [
  { view: 'queue', label: 'Queue' },
  { view: 'scraper', label: 'Scraper' },
  { view: 'import', label: 'Import' },
  { view: 'settings', label: 'Settings' },
];

/** Renders the main navigation, with the count of unseen failures on the queue entry. */
export function SideNav() {
  const view = useAppStore((state) => state.view);
  const unseen = useAppStore((state) => state.unseenFailures);
  return (
    <nav aria-label="Main">
      <ul className="nav">
        {ENTRIES.map((entry) => (
          <li key={entry.view}>
            <a href={`#${entry.view}`} aria-current={entry.view === view ? 'page' : undefined}>
              {entry.label}
              {entry.view === 'queue' && unseen > 0 ? (
                <span className="nav-badge">
                  {unseen}
                  <span className="visually-hidden"> unseen failures</span>
                </span>
              ) : null}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
