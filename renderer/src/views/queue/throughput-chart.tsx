import { memo } from 'react';
import type { ThroughputBucket } from '../../lib/throughput.ts';

/** Props of {@link ThroughputChart}. */
export interface ThroughputChartProps {
  buckets: readonly ThroughputBucket[];
  /** Width of one bucket in ms, for the axis labels. */
  bucketMs: number;
  /** The period in words, for the accessible summary ("the last 24 hours"). */
  periodLabel: string;
}

const WIDTH = 480;
const HEIGHT = 96;
const AXIS = 16;

/**
 * Renders stacked bars of completed (bottom) and failed (top) jobs per bucket, drawn as plain SVG.
 * The accessible name carries the totals, so the chart is not colour or shape alone.
 */
export const ThroughputChart = memo(function ThroughputChart({
  buckets,
  bucketMs,
  periodLabel,
}: ThroughputChartProps) {
  const completed = buckets.reduce((sum, bucket) => sum + bucket.completed, 0);
  const failed = buckets.reduce((sum, bucket) => sum + bucket.failed, 0);
  const max = Math.max(1, ...buckets.map((bucket) => bucket.completed + bucket.failed));
  const slot = WIDTH / Math.max(1, buckets.length);
  const barWidth = Math.max(1, slot - 2);
  const plotHeight = HEIGHT - AXIS;
  const scale = (count: number) => (count / max) * (plotHeight - 4);
  const summary = `Throughput over ${periodLabel}: ${completed} completed, ${failed} failed.`;
  const first = buckets[0];
  const last = buckets.at(-1);

  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={summary}
        preserveAspectRatio="none"
      >
        <line x1={0} x2={WIDTH} y1={plotHeight} y2={plotHeight} className="chart-axis" />
        {buckets.map((bucket, index) => {
          const okHeight = scale(bucket.completed);
          const badHeight = scale(bucket.failed);
          const x = index * slot + 1;
          return (
            <g key={bucket.start}>
              {bucket.completed > 0 ? (
                <rect
                  x={x}
                  y={plotHeight - okHeight}
                  width={barWidth}
                  height={okHeight}
                  className="chart-ok"
                />
              ) : null}
              {bucket.failed > 0 ? (
                <rect
                  x={x}
                  y={plotHeight - okHeight - badHeight}
                  width={barWidth}
                  height={badHeight}
                  className="chart-bad"
                />
              ) : null}
            </g>
          );
        })}
        {first ? (
          <text x={2} y={HEIGHT - 3} className="chart-label">
            {clock(first.start)}
          </text>
        ) : null}
        {last ? (
          <text x={WIDTH - 2} y={HEIGHT - 3} className="chart-label" textAnchor="end">
            {clock(last.start + bucketMs)}
          </text>
        ) : null}
      </svg>
      <figcaption className="chart-legend">
        <span className="legend-ok">Completed {completed}</span>
        <span className="legend-bad">Failed {failed}</span>
        <span className="muted">{periodLabel}</span>
      </figcaption>
    </figure>
  );
});

function clock(ms: number): string {
  return new Date(ms).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}
