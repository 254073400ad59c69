import { describe, expect, it } from 'vitest';
import { readFeedRecords } from '../../../main/pipelines/import/feed-products.ts';
import { previewFeed } from '../../../main/pipelines/import/feed-preview.ts';
import { openFeed } from '../../../main/pipelines/import/feed-source.ts';
import type { FeedRecord } from '../../../main/pipelines/import/feed-types.ts';
import { caught, fixture, importUntilError } from './import-test-helpers.ts';

async function records(name: string): Promise<FeedRecord[]> {
  const all: FeedRecord[] = [];
  for await (const record of readFeedRecords(fixture('json', name))) all.push(record);
  return all;
}

describe('JSON record path', () => {
  const cases: [string, string][] = [
    ['buildingwebsite-products-full-spc-pvc-es.json', '$'],
    ['regalith-marbles-small-array.json', '$'],
    ['shopify-storefront-products-bmc-uruguay-building.json', '$.products'],
    // The meta.links array is deeper than nothing, but data.items is the only product array.
    ['kai-nested-product-array.json', '$.data.items'],
  ];

  it.each(cases)('finds the product array of %s', async (name, path) => {
    expect((await openFeed(fixture('json', name))).recordPath).toBe(path);
  });
});

describe('readJsonRecords', () => {
  it('reads a top-level array', async () => {
    // 338 objects, counted with Python's json module.
    expect(await records('buildingwebsite-products-full-spc-pvc-es.json')).toHaveLength(338);
  });

  it('flattens nested objects and keeps arrays', async () => {
    const [first] = await records('buildingwebsite-products-full-spc-pvc-es.json');
    expect(first?.fields['dimensions.metric.thickness']).toBe(0.08);
    expect(first?.fields['dimensions.metric.thicknessUnit']).toBe('mm');
  });

  it('reads the array inside an object', async () => {
    const found = await records('shopify-storefront-products-bmc-uruguay-building.json');
    expect(found).toHaveLength(30);
    expect(Array.isArray(found[0]?.fields['variants'])).toBe(true);
  });

  it('locates malformed JSON after records', async () => {
    const path = fixture('json', 'kai-malformed-array.json');
    const preview = await previewFeed(path);
    const { products, error } = await importUntilError(path, preview);
    expect(error.code).toBe('malformed_json');
    expect(error.message).toContain('line 4, column 17');
    expect(products).toHaveLength(2);
  });

  it('reports a truncated file', async () => {
    const path = fixture('json', 'kai-truncated-array.json');
    const preview = await previewFeed(path);
    const { products, error } = await importUntilError(path, preview);
    expect(error.code).toBe('truncated_file');
    expect(products).toHaveLength(2);
  });

  it('rejects a path without array', async () => {
    const path = fixture('json', 'regalith-marbles-small-array.json');
    const error = await caught(async () => {
      for await (const record of readFeedRecords(path, { recordPath: '$.products' })) void record;
    });
    expect(error.code).toBe('no_records');
  });
});

describe('readJsonLinesRecords', () => {
  it('reads one record per line', async () => {
    // 24 non-blank lines.
    const found = await records('indiamart-scraped-products-nulls-dupes.jsonl');
    expect(found).toHaveLength(24);
    expect(found[23]?.line).toBe(24);
  });

  it('turns bad lines into record issues', async () => {
    const found = await records('kai-bad-lines.jsonl');
    expect(found.map((record) => record.issue?.field ?? 'ok')).toEqual([
      'ok',
      'line',
      'ok',
      'record',
    ]);
    expect(found.map((record) => record.line)).toEqual([1, 2, 4, 5]);
  });
});
