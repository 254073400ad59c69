import { briefError } from '../lib/job-labels.ts';
import { useAppStore } from '../store/app-store.ts';
import { showTarget } from '../services/navigation.ts';
import type { Notice } from '../store/notices-slice.ts';

/**
 * Renders the in-app notices, newest last. A notice with a target opens it on click: a
 * failed job's detail, or the failed queue. The region is polite, so screen readers
 * announce new notices without interrupting.
 */
export function NoticeList() {
  const notices = useAppStore((state) => state.notices);
  return (
    <section className="notices" aria-label="Notifications" aria-live="polite">
      {notices.map((notice) => (
        <NoticeItem key={notice.id} notice={notice} />
      ))}
    </section>
  );
}

function NoticeItem({ notice }: { notice: Notice }) {
  const dismiss = useAppStore((state) => state.dismissNotice);
  const tone = notice.kind === 'ui_info' ? 'info' : 'error';
  const content = (
    <>
      <span className="notice-title">{notice.title}</span>
      <span className="notice-message">{briefError(notice.body)}</span>
    </>
  );

  const open = () => {
    if (!notice.target) return;
    showTarget(useAppStore, notice.target);
    dismiss(notice.id);
  };

  return (
    <div className={`notice ${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {notice.target ? (
        <button type="button" className="notice-open" onClick={open}>
          {content}
        </button>
      ) : (
        <div className="notice-open">{content}</div>
      )}
      <button
        type="button"
        className="small"
        onClick={() => dismiss(notice.id)}
        aria-label={`Dismiss: ${notice.title}`}
      >
        ✕
      </button>
    </div>
  );
}
