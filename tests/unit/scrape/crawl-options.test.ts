import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import {
  CRAWLER_VERSION,
  DEFAULT_USER_AGENT,
  resolveCrawlOptions,
} from '../../../main/pipelines/scrape/crawl-options.ts';
import { MemoryFrontierStore } from '../../../main/pipelines/scrape/memory-frontier-store.ts';
import { InvalidStartUrlError } from '../../../main/pipelines/scrape/scrape-errors.ts';

const store = new MemoryFrontierStore();

describe('resolveCrawlOptions', () => {
  it('matches the package version', () => {
    const pkg = JSON.parse(
      readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
    ) as { version: string };
    expect(CRAWLER_VERSION).toBe(pkg.version);
  });

  it('sends KAI-Console/<version>', () => {
    expect(resolveCrawlOptions({ startUrls: ['https://shop.example/'], store }).userAgent).toBe(
      DEFAULT_USER_AGENT,
    );
  });

  it('derives the product token', () => {
    expect(resolveCrawlOptions({ startUrls: ['https://shop.example/'], store }).productToken).toBe(
      'KAI-Console',
    );
  });

  it('applies the documented defaults', () => {
    expect(resolveCrawlOptions({ startUrls: ['https://shop.example/'], store })).toMatchObject({
      perHostConcurrency: 2,
      politenessDelayMs: 1000,
      maxPageBytes: 5 * 1024 * 1024,
      maxRedirects: 10,
    });
  });

  it('normalises start URLs', () => {
    expect(
      resolveCrawlOptions({ startUrls: ['https://SHOP.example/?utm_source=x#a'], store }).startUrls,
    ).toEqual(['https://shop.example/']);
  });

  it.each([['shop.example'], ['ftp://shop.example/'], ['/relative']])(
    'rejects start URL %s',
    (url) => {
      expect(() => resolveCrawlOptions({ startUrls: [url], store })).toThrow(InvalidStartUrlError);
    },
  );

  it('rejects an empty start list', () => {
    expect(() => resolveCrawlOptions({ startUrls: [], store })).toThrow(RangeError);
  });

  it('rejects a negative limit', () => {
    expect(() =>
      resolveCrawlOptions({ startUrls: ['https://shop.example/'], store, maxPages: -1 }),
    ).toThrow(RangeError);
  });
});
