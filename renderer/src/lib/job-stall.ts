/** The fields of a job that decide whether it counts as stalled. */
export interface HeartbeatFields {
  status: string;
  last_heartbeat: string | null;
  started_at?: string | null;
}

/**
 * Returns the age of a processing job's heartbeat in ms, or null when the job is not
 * processing. A processing job with no heartbeat yet is aged from `started_at`.
 */
export function heartbeatAgeMs(job: HeartbeatFields, nowMs: number): number | null {
  if (job.status !== 'processing') return null;
  const stamp = job.last_heartbeat ?? job.started_at ?? null;
  if (!stamp) return null;
  const time = Date.parse(stamp);
  if (Number.isNaN(time)) return null;
  return Math.max(0, nowMs - time);
}

/**
 * Returns whether a job is stalled: processing, with a heartbeat older than `stallAfterMs`.
 * This mirrors the engine's sweep, which requeues such a job, so the badge is usually brief.
 * A null threshold (settings not loaded) never reports a stall.
 */
export function isStalled(
  job: HeartbeatFields,
  nowMs: number,
  stallAfterMs: number | null,
): boolean {
  if (stallAfterMs === null) return false;
  const age = heartbeatAgeMs(job, nowMs);
  return age !== null && age > stallAfterMs;
}
