import { useEffect, useRef } from 'react';
import { createRefresher } from '../services/refresher.ts';

/**
 * Runs `load` on mount and again whenever `trigger` changes, coalescing bursts (see
 * `createRefresher`). `load` always sees the latest props, since it is read through a ref.
 */
export function useRefresh(load: () => Promise<void>, trigger: unknown, enabled = true): void {
  const loadRef = useRef(load);
  loadRef.current = load;
  const refresher = useRef<ReturnType<typeof createRefresher> | null>(null);

  useEffect(() => {
    if (!enabled) return;
    const instance = createRefresher(() => loadRef.current(), 500);
    refresher.current = instance;
    instance.request();
    return () => {
      instance.stop();
      refresher.current = null;
    };
  }, [enabled]);

  const firstTrigger = useRef(true);
  useEffect(() => {
    // The mount effect above already loaded once for the first trigger value.
    if (firstTrigger.current) {
      firstTrigger.current = false;
      return;
    }
    refresher.current?.request();
  }, [trigger]);
}
