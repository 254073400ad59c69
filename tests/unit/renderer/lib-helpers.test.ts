import { describe, expect, it } from 'vitest';
import { confidenceLabel, confidenceLevel } from '../../../renderer/src/lib/confidence.ts';
import { toCsv } from '../../../renderer/src/lib/csv-export.ts';
import { fileKind } from '../../../renderer/src/lib/file-kinds.ts';
import { formatDuration } from '../../../renderer/src/lib/format.ts';
import { briefError } from '../../../renderer/src/lib/job-labels.ts';
import { heartbeatAgeMs, isStalled } from '../../../renderer/src/lib/job-stall.ts';
import { throughputBuckets } from '../../../renderer/src/lib/throughput.ts';

describe('isStalled', () => {
  const now = Date.parse('2025-03-10T12:00:00Z');
  const beat = (secondsAgo: number) => new Date(now - secondsAgo * 1000).toISOString();

  it('flags a processing job past the threshold', () => {
    expect(isStalled({ status: 'processing', last_heartbeat: beat(91) }, now, 90_000)).toBe(true);
  });

  it('spares a fresh heartbeat', () => {
    expect(isStalled({ status: 'processing', last_heartbeat: beat(30) }, now, 90_000)).toBe(false);
  });

  it('ignores jobs that are not processing', () => {
    expect(isStalled({ status: 'pending', last_heartbeat: beat(500) }, now, 90_000)).toBe(false);
    expect(heartbeatAgeMs({ status: 'failed', last_heartbeat: beat(500) }, now)).toBeNull();
  });

  it('ages a job without heartbeat from its start', () => {
    const job = { status: 'processing', last_heartbeat: null, started_at: beat(120) };
    expect(isStalled(job, now, 90_000)).toBe(true);
  });
});

describe('throughputBuckets', () => {
  it('counts finished jobs into their bucket', () => {
    const now = Date.parse('2025-03-10T12:30:00Z');
    const buckets = throughputBuckets(
      [
        { status: 'completed', completed_at: '2025-03-10T12:10:00Z', failed_at: null },
        { status: 'failed', completed_at: null, failed_at: '2025-03-10T11:59:00Z' },
        { status: 'completed', completed_at: '2025-03-09T00:00:00Z', failed_at: null },
        { status: 'pending', completed_at: null, failed_at: null },
      ],
      now,
      3_600_000,
      3,
    );
    expect(buckets.map((b) => [b.completed, b.failed])).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
    ]);
    expect(buckets[2]!.start).toBe(Date.parse('2025-03-10T12:00:00Z'));
  });
});

describe('toCsv', () => {
  it('quotes fields with commas, quotes and newlines', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x,y', 'say "hi"'],
          ['line\nbreak', null],
        ],
      ),
    ).toBe('a,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",\r\n');
  });

  it('defuses spreadsheet formulas', () => {
    expect(toCsv(['v'], [['=HYPERLINK("x")'], ['-5']])).toBe(
      'v\r\n"\'=HYPERLINK(""x"")"\r\n-5\r\n',
    );
  });
});

describe('small helpers', () => {
  it('classifies files by extension', () => {
    expect(fileKind('Catalog.PDF')).toBe('pdf');
    expect(fileKind('feed.csv')).toBe('feed');
    expect(fileKind('feed.jsonl')).toBe('feed');
    expect(fileKind('photo.png')).toBe('unsupported');
  });

  it('labels confidence with words', () => {
    expect(confidenceLevel(0.95)).toBe('high');
    expect(confidenceLevel(0.6)).toBe('medium');
    expect(confidenceLabel(0.2)).toBe('Low (20%)');
  });

  it('formats durations', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(12_400)).toBe('12.4 s');
    expect(formatDuration(185_000)).toBe('3 min 5 s');
  });
});

describe('briefError', () => {
  it('drops the path and byte range the core prefixes', () => {
    expect(
      briefError('/tmp/uploads/ab12/catalog.pdf (bytes 0-1023): The file is not a PDF: no header.'),
    ).toBe('The file is not a PDF: no header.');
  });

  it('drops a Windows path', () => {
    expect(briefError('C:\\feeds\\catalog.pdf: The file is empty.')).toBe('The file is empty.');
  });

  it('keeps a message without a path', () => {
    expect(briefError('Worker crashed: exit code 1.')).toBe('Worker crashed: exit code 1.');
  });
});
