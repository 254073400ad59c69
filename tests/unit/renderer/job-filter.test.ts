import { describe, expect, it } from 'vitest';
import {
  compileJobFilter,
  EMPTY_FILTER,
  isFilterActive,
  type FilterableJob,
} from '../../../renderer/src/lib/job-filter.ts';

function job(overrides: Partial<FilterableJob>): FilterableJob {
  return {
    job_type: 'pdf_processing',
    status: 'completed',
    created_at: new Date(2025, 2, 10, 12).toISOString(),
    filename: 'catalog.pdf',
    error: null,
    metadata: {},
    ...overrides,
  };
}

describe('compileJobFilter', () => {
  it('matches everything when empty', () => {
    expect(compileJobFilter(EMPTY_FILTER)(job({}))).toBe(true);
    expect(isFilterActive(EMPTY_FILTER)).toBe(false);
  });

  it('filters by type and status', () => {
    const match = compileJobFilter({
      ...EMPTY_FILTER,
      types: ['xml_import'],
      statuses: ['failed'],
    });
    expect(match(job({ job_type: 'xml_import', status: 'failed' }))).toBe(true);
    expect(match(job({ job_type: 'xml_import', status: 'completed' }))).toBe(false);
    expect(match(job({ job_type: 'pdf_processing', status: 'failed' }))).toBe(false);
  });

  it('filters by local creation day, inclusive', () => {
    const match = compileJobFilter({
      ...EMPTY_FILTER,
      createdFrom: '2025-03-10',
      createdTo: '2025-03-10',
    });
    expect(match(job({ created_at: new Date(2025, 2, 10, 0, 0, 1).toISOString() }))).toBe(true);
    expect(match(job({ created_at: new Date(2025, 2, 10, 23, 59).toISOString() }))).toBe(true);
    expect(match(job({ created_at: new Date(2025, 2, 11, 0, 0, 1).toISOString() }))).toBe(false);
    expect(match(job({ created_at: new Date(2025, 2, 9, 23, 59).toISOString() }))).toBe(false);
  });

  it('searches filename, error and metadata strings', () => {
    const search = (text: string) => compileJobFilter({ ...EMPTY_FILTER, search: text });
    expect(search('CATALOG')(job({}))).toBe(true);
    expect(search('encrypted')(job({ error: 'The file is encrypted.' }))).toBe(true);
    expect(
      search('example.test/tiles')(job({ metadata: { url: 'http://example.test/tiles' } })),
    ).toBe(true);
    expect(search('acme')(job({ metadata: { source: 'Acme feed' } }))).toBe(true);
    expect(search('missing')(job({}))).toBe(false);
  });

  it('requires every search term', () => {
    const match = compileJobFilter({ ...EMPTY_FILTER, search: 'catalog broken' });
    expect(match(job({ error: 'broken xref' }))).toBe(true);
    expect(match(job({}))).toBe(false);
  });
});
