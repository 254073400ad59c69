import { useEffect } from 'react';
import { useAppStore } from '../store/app-store.ts';
import type { ThemeChoice } from '../store/ui-slice.ts';

const STORAGE_KEY = 'kai-console.theme';

/** Reads the theme the user chose last time, or `system`. */
export function storedTheme(): ThemeChoice {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

/**
 * Applies the chosen theme as `data-theme` on `<html>` and remembers it. `system` removes
 * the attribute, so the stylesheet's prefers-color-scheme rule decides.
 */
export function useTheme(): void {
  const theme = useAppStore((state) => state.theme);
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') root.removeAttribute('data-theme');
    else root.setAttribute('data-theme', theme);
    try {
      window.localStorage.setItem(STORAGE_KEY, theme);
    } catch {
      // Storage can be off (private windows); the choice then lasts for this page only.
    }
  }, [theme]);
}
