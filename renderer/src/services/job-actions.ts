import type { KaiApi } from '../../../contract/kai-api.ts';
import type { BulkAction } from '../lib/bulk-actions.ts';
import { pluralize } from '../lib/format.ts';
import type { AppStore } from '../store/app-store.ts';
import { errorNotice, uiNotice } from './notice-factory.ts';

/** Most ids one `jobs:retry`, `jobs:cancel` or `jobs:delete` call takes. */
const IDS_PER_CALL = 1_000;

const PAST_TENSE: Record<BulkAction, string> = {
  retry: 'requeued',
  cancel: 'cancelled',
  delete: 'deleted',
};

/**
 * Applies a job action to `ids` in batches the contract accepts. The store changes only
 * through the `jobs:changed` and `jobs:deleted` events that follow, so the queue shows what
 * the core did, not what was asked. Returns the number of jobs that changed.
 */
export async function applyJobAction(
  api: KaiApi,
  store: AppStore,
  action: BulkAction,
  ids: readonly string[],
): Promise<number> {
  let changed = 0;
  for (let start = 0; start < ids.length; start += IDS_PER_CALL) {
    const batch = ids.slice(start, start + IDS_PER_CALL);
    const result =
      action === 'retry'
        ? await api.jobs.retry({ ids: batch })
        : action === 'cancel'
          ? await api.jobs.cancel({ ids: batch })
          : await api.jobs.delete({ ids: batch });
    if (!result.ok) {
      store.getState().pushNotice(errorNotice(`${capitalise(action)} failed`, result.error));
      return changed;
    }
    changed += result.value.changed;
  }

  const skipped = ids.length - changed;
  if (ids.length > 1 || skipped > 0) {
    const body =
      skipped > 0
        ? `${skipped} had changed state meanwhile and were left as they are.`
        : 'The queue shows their new state.';
    store
      .getState()
      .pushNotice(uiNotice('ui_info', `${pluralize(changed, 'job')} ${PAST_TENSE[action]}`, body));
  }
  if (action === 'delete') store.getState().clearSelection();
  return changed;
}

function capitalise(word: string): string {
  return word[0]!.toUpperCase() + word.slice(1);
}
