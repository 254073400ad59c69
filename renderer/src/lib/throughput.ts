/** The fields of a job that the throughput chart counts. */
export interface FinishedJobFields {
  status: string;
  completed_at: string | null;
  failed_at: string | null;
}

/** Jobs that finished within one time bucket. */
export interface ThroughputBucket {
  /** Start of the bucket, in ms since the epoch. */
  start: number;
  completed: number;
  failed: number;
}

/**
 * Counts completed and failed jobs in `bucketCount` buckets of `bucketMs` each, ending at
 * the bucket that contains `nowMs`. A job counts once, by its current status: a failed job
 * that was retried and then completed is counted as completed.
 */
export function throughputBuckets(
  jobs: Iterable<FinishedJobFields>,
  nowMs: number,
  bucketMs: number,
  bucketCount: number,
): ThroughputBucket[] {
  const lastStart = Math.floor(nowMs / bucketMs) * bucketMs;
  const firstStart = lastStart - (bucketCount - 1) * bucketMs;
  const buckets: ThroughputBucket[] = Array.from({ length: bucketCount }, (_, index) => ({
    start: firstStart + index * bucketMs,
    completed: 0,
    failed: 0,
  }));

  for (const job of jobs) {
    const stamp =
      job.status === 'completed'
        ? job.completed_at
        : job.status === 'failed'
          ? job.failed_at
          : null;
    if (!stamp) continue;
    const index = Math.floor((Date.parse(stamp) - firstStart) / bucketMs);
    const bucket = buckets[index];
    if (!bucket) continue;
    if (job.status === 'completed') bucket.completed += 1;
    else bucket.failed += 1;
  }
  return buckets;
}
