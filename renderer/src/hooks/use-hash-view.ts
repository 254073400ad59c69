import { useEffect } from 'react';
import { isView } from '../store/ui-slice.ts';
import { useAppStore } from '../store/app-store.ts';

/**
 * Keeps the current view and the URL hash (`#queue`, `#import`, ...) in step, so a reload
 * or the browser's Back button lands on the same view. The query string, which carries
 * browser mode's token, is left alone.
 */
export function useHashView(): void {
  const view = useAppStore((state) => state.view);
  const setView = useAppStore((state) => state.setView);

  useEffect(() => {
    const apply = () => {
      const hash = window.location.hash.slice(1);
      if (isView(hash)) setView(hash);
    };
    apply();
    window.addEventListener('hashchange', apply);
    return () => window.removeEventListener('hashchange', apply);
  }, [setView]);

  useEffect(() => {
    if (window.location.hash.slice(1) !== view) window.location.hash = view;
  }, [view]);
}
