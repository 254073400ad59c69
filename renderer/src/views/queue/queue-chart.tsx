import { useMemo, useState } from 'react';
import { throughputBuckets } from '../../lib/throughput.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectStatusCounts } from '../../store/queue-selectors.ts';
import { ThroughputChart } from './throughput-chart.tsx';

const RANGES = {
  hour: { label: 'the last hour', bucketMs: 5 * 60_000, buckets: 12 },
  day: { label: 'the last 24 hours', bucketMs: 60 * 60_000, buckets: 24 },
} as const;

type Range = keyof typeof RANGES;

/**
 * Renders the throughput and failure chart over the loaded jobs. It recounts when the number of
 * finished jobs changes or the clock ticks, not on every progress event.
 */
export function QueueChart() {
  const [range, setRange] = useState<Range>('hour');
  const now = useAppStore((state) => state.now);
  const finished = useAppStore((state) => {
    const counts = selectStatusCounts(state);
    return (counts.completed ?? 0) + (counts.failed ?? 0);
  });
  const { label, bucketMs, buckets: bucketCount } = RANGES[range];

  const buckets = useMemo(
    () =>
      throughputBuckets(useAppStore.getState().jobs.values(), Date.now(), bucketMs, bucketCount),
    // `finished` and `now` stand in for the job map, which changes on every progress event.
    [finished, now, bucketMs, bucketCount],
  );

  return (
    <section className="panel chart-panel" aria-labelledby="chart-title">
      <div className="chart-header">
        <h2 id="chart-title">Throughput</h2>
        <label>
          <span className="visually-hidden">Chart period</span>
          <select value={range} onChange={(event) => setRange(event.target.value as Range)}>
            <option value="hour">Last hour</option>
            <option value="day">Last 24 hours</option>
          </select>
        </label>
      </div>
      <ThroughputChart buckets={buckets} bucketMs={bucketMs} periodLabel={label} />
    </section>
  );
}
