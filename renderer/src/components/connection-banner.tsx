import { useAppStore } from '../store/app-store.ts';

/** Renders a banner while the core is unreachable, or when it rejected the page's token. */
export function ConnectionBanner() {
  const connection = useAppStore((state) => state.connection);
  if (connection === 'closed') {
    return (
      <p className="connection-banner" role="status">
        The connection to the core was lost. Reconnecting; the queue reloads when it is back.
      </p>
    );
  }
  if (connection === 'forbidden') {
    return (
      <p className="connection-banner" role="alert">
        The core rejected this page&apos;s token. Open the URL that `kai serve` printed, with its
        ?token= part.
      </p>
    );
  }
  return null;
}
