/** Counts jobs per status; statuses with no job are absent. */
export function countByStatus(jobs: Iterable<{ status: string }>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const job of jobs) counts[job.status] = (counts[job.status] ?? 0) + 1;
  return counts;
}
