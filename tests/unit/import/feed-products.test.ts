import { describe, expect, it } from 'vitest';
import { statSync } from 'node:fs';
import { previewFeed } from '../../../main/pipelines/import/feed-preview.ts';
import { readFeedProducts } from '../../../main/pipelines/import/feed-products.ts';
import type { ByteProgress } from '../../../main/pipelines/import/feed-types.ts';
import { caught, fixture } from './import-test-helpers.ts';

const fischer = fixture('xml', 'bmecat-1.2-fischerwerke-nexmart-category-tree-crlf.xml');
const rss = fixture('xml', 'google-merchant-rss-pallmann-parquet-fr.xml');

describe('readFeedProducts', () => {
  it('reports progress in bytes', async () => {
    const preview = await previewFeed(fischer);
    const progress: ByteProgress[] = [];
    const options = {
      mapping: preview.proposedMapping,
      onProgress: (p: ByteProgress) => progress.push(p),
    };
    for await (const product of readFeedProducts(fischer, options)) void product;
    const size = statSync(fischer).size;
    expect(progress.at(-1)).toEqual({ bytesRead: size, totalBytes: size });
    expect(progress.length).toBeGreaterThan(1);
  });

  it('stops with the abort reason', async () => {
    const preview = await previewFeed(rss);
    const controller = new AbortController();
    let read = 0;
    const error = await caught(async () => {
      for await (const product of readFeedProducts(rss, {
        mapping: preview.proposedMapping,
        signal: controller.signal,
      })) {
        void product;
        read++;
        if (read === 3) controller.abort(new Error('job cancelled'));
      }
    });
    expect(error.message).toBe('job cancelled');
    expect(read).toBe(3);
  });

  it('reads with a stored mapping', async () => {
    const preview = await previewFeed(rss);
    const stored = JSON.parse(JSON.stringify(preview.proposedMapping));
    let count = 0;
    for await (const product of readFeedProducts(rss, { mapping: stored }))
      if ('material' in product) count++;
    // The RSS feed has 305 <item> elements.
    expect(count).toBe(305);
  });

  it('yields row numbers and lines', async () => {
    const path = fixture('csv', 'kai-ragged-rows.csv');
    const preview = await previewFeed(path);
    const rows = [];
    for await (const product of readFeedProducts(path, { mapping: preview.proposedMapping })) {
      rows.push([product.rowNumber, product.line, 'material' in product]);
    }
    expect(rows).toEqual([
      [1, 2, true],
      [2, 3, false],
      [3, 4, false],
      [4, 5, true],
    ]);
  });
});
