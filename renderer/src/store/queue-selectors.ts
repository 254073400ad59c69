import type { BackgroundJobRow } from '../../../contract/rows.ts';
import { compileJobFilter, isFilterActive, type JobFilter } from '../lib/job-filter.ts';
import { countByStatus } from '../lib/status-counts.ts';
import type { AppState } from './app-store.ts';

/**
 * Memoises a selector on the identity of its inputs, so a component that selects a derived
 * array re-renders only when the inputs change, and the derivation runs once per change.
 */
function memoOn<Inputs extends readonly unknown[], Output>(
  inputsOf: (state: AppState) => Inputs,
  derive: (inputs: Inputs) => Output,
): (state: AppState) => Output {
  let lastInputs: Inputs | undefined;
  let lastOutput: Output;
  return (state) => {
    const inputs = inputsOf(state);
    if (lastInputs && inputs.every((input, index) => input === lastInputs![index])) {
      return lastOutput;
    }
    const output = derive(inputs);
    lastInputs = inputs;
    lastOutput = output;
    return output;
  };
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) return false;
  return true;
}

/**
 * Creates a selector of the ids the queue shows, in order. A progress update changes the
 * jobs map but rarely the filtered ids, so the previous array is returned when the ids are
 * equal, which keeps the list from re-rendering on every update.
 */
export function createVisibleIdsSelector(): (state: AppState) => readonly string[] {
  let previous: readonly string[] = [];
  const derive = ([jobs, order, filter]: readonly [
    ReadonlyMap<string, BackgroundJobRow>,
    readonly string[],
    JobFilter,
  ]) => {
    let next: readonly string[];
    if (!isFilterActive(filter)) {
      next = order;
    } else {
      const matches = compileJobFilter(filter);
      next = order.filter((id) => matches(jobs.get(id)!));
    }
    if (sameIds(previous, next)) return previous;
    previous = next;
    return next;
  };
  return memoOn((state) => [state.jobs, state.jobOrder, state.filter] as const, derive);
}

/** Selects the ids the queue shows; shared by every component that needs them. */
export const selectVisibleIds = createVisibleIdsSelector();

/** Selects the number of jobs per status over every job, ignoring the filter. */
export const selectStatusCounts = memoOn(
  (state) => [state.jobs] as const,
  ([jobs]) => countByStatus(jobs.values()),
);

/** Selects the selected jobs that still exist, in queue order. */
export const selectSelectedJobs = memoOn(
  (state) => [state.jobs, state.jobOrder, state.selectedIds] as const,
  ([jobs, order, selected]) =>
    selected.size === 0 ? [] : order.filter((id) => selected.has(id)).map((id) => jobs.get(id)!),
);
