import { describe, expect, it } from 'vitest';
import {
  canApply,
  describeBulkAction,
  eligibleJobs,
} from '../../../renderer/src/lib/bulk-actions.ts';

const job = (id: string, job_type: string, status: string) => ({ id, job_type, status });

describe('describeBulkAction', () => {
  it('names count, status and type', () => {
    const jobs = [1, 2, 3].map((n) => job(String(n), 'pdf_processing', 'failed'));
    expect(describeBulkAction('retry', jobs)).toBe('Retry 3 failed PDF jobs?');
  });

  it('uses the singular for one job', () => {
    expect(describeBulkAction('delete', [job('a', 'xml_import', 'completed')])).toBe(
      'Delete 1 completed import job?',
    );
  });

  it('lists each kind of a mixed selection', () => {
    const jobs = [
      job('1', 'pdf_processing', 'failed'),
      job('2', 'pdf_processing', 'failed'),
      job('3', 'web_scraping', 'cancelled'),
    ];
    expect(describeBulkAction('retry', jobs)).toBe(
      'Retry 3 jobs: 2 failed PDF, 1 cancelled scrape?',
    );
  });
});

describe('eligibleJobs', () => {
  const jobs = [
    job('p', 'pdf_processing', 'pending'),
    job('r', 'pdf_processing', 'processing'),
    job('c', 'pdf_processing', 'completed'),
    job('f', 'pdf_processing', 'failed'),
    job('x', 'pdf_processing', 'cancelled'),
  ];

  it('retries only failed and cancelled jobs', () => {
    expect(eligibleJobs('retry', jobs).map((j) => j.id)).toEqual(['f', 'x']);
  });

  it('cancels only unfinished jobs', () => {
    expect(eligibleJobs('cancel', jobs).map((j) => j.id)).toEqual(['p', 'r']);
  });

  it('never deletes a processing job', () => {
    expect(canApply('delete', 'processing')).toBe(false);
    expect(eligibleJobs('delete', jobs)).toHaveLength(4);
  });
});
