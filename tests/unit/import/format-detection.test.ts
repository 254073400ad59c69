import { describe, expect, it } from 'vitest';
import {
  detectFormat,
  rejectNonTextFeed,
} from '../../../main/pipelines/import/format-detection.ts';
import { openFeed } from '../../../main/pipelines/import/feed-source.ts';
import { caught, fixture } from './import-test-helpers.ts';

describe('detectFormat', () => {
  const cases: [string, 'xml' | 'csv' | 'json', string, string][] = [
    ['google-merchant-rss-pallmann-parquet-fr.xml', 'xml', 'xml', 'xml'],
    ['pallmann-parquet-price-list-fr.csv', 'csv', 'csv', 'csv'],
    ['datanorm4-articles-cp850.001', 'csv', 'datanorm', 'csv'],
    ['datanorm4-product-groups-latin1.wrg', 'csv', 'datanorm', 'csv'],
    ['regalith-marbles-small-array.json', 'json', 'json', 'json'],
    ['shopify-storefront-products-bmc-uruguay-building.json', 'json', 'json', 'json'],
    ['indiamart-scraped-products-nulls-dupes.jsonl', 'json', 'jsonl', 'json'],
    ['kai-utf16le-bom.csv', 'csv', 'csv', 'csv'],
  ];

  it.each(cases)('reads %s as %s', async (name, kind, format, importType) => {
    const feed = await openFeed(fixture(kind, name));
    expect(feed.format).toBe(format);
    expect(feed.importType).toBe(importType);
  });

  it('trusts the content over the extension', () => {
    const detected = detectFormat('<?xml version="1.0"?><a/>', 'export.csv', 'export.csv');
    expect(detected.format).toBe('xml');
    expect(detected.warning).toContain('.csv');
  });

  it('rejects an HTML page', async () => {
    const error = await caught(async () => detectFormat('<!DOCTYPE html><html>', 'feed.xml', 'x'));
    expect(error.code).toBe('unsupported_format');
  });

  it('rejects an xlsx workbook', async () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
    const error = await caught(async () => rejectNonTextFeed(zip, 'prices.xlsx', false));
    expect(error.message).toContain('CSV (UTF-8)');
  });

  it('rejects an empty file', async () => {
    const error = await caught(() => openFeed(fixture('xml', 'kai-empty.xml')));
    expect(error.code).toBe('empty_file');
  });

  it('rejects a missing file', async () => {
    const error = await caught(() => openFeed(fixture('xml', 'kai-does-not-exist.xml')));
    expect(error.code).toBe('file_not_found');
  });
});
