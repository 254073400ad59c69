/** Props of {@link ProgressBar}. */
export interface ProgressBarProps {
  /** 0 to 100. */
  value: number;
  /** The accessible name, e.g. the job's filename. */
  label: string;
  /** A status class that colours the bar: `completed`, `failed` or none. */
  tone?: string;
}

/** Renders a horizontal progress bar with the `progressbar` role. */
export function ProgressBar({ value, label, tone }: ProgressBarProps) {
  const clamped = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div
      className={`progress${tone ? ` ${tone}` : ''}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={clamped}
    >
      <div style={{ width: `${clamped}%` }} />
    </div>
  );
}
