import type { StateCreator } from 'zustand';
import type { AppNotification } from '../../../contract/notifications.ts';
import type { AppState } from './app-store.ts';

/** Notices kept on screen at once; older ones drop off first. */
export const MAX_NOTICES = 5;

/**
 * A notice on screen: a core notification, or a message of the UI itself (a failed call, a
 * file that is neither a PDF nor a feed), which may have no target.
 */
export type Notice =
  | AppNotification
  | {
      id: string;
      kind: 'ui_error' | 'ui_info';
      title: string;
      body: string;
      target: AppNotification['target'] | null;
      createdAt: string;
    };

/** In-app notices (failures, and messages of the UI itself) and the unseen-failure count. */
export interface NoticesSlice {
  notices: readonly Notice[];
  unseenFailures: number;
  /** Adds a notice; one with an id already shown is ignored, since two events carry it. */
  pushNotice(notice: Notice): void;
  dismissNotice(id: string): void;
  setUnseenFailures(count: number): void;
}

export const createNoticesSlice: StateCreator<AppState, [], [], NoticesSlice> = (set) => ({
  notices: [],
  unseenFailures: 0,

  pushNotice(notice) {
    set((state) => {
      if (state.notices.some((shown) => shown.id === notice.id)) return {};
      return { notices: [...state.notices, notice].slice(-MAX_NOTICES) };
    });
  },

  dismissNotice(id) {
    set((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) }));
  },

  setUnseenFailures(count) {
    set({ unseenFailures: count });
  },
});
