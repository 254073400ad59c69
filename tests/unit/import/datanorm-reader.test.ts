import { describe, expect, it } from 'vitest';
import { readFeedRecords } from '../../../main/pipelines/import/feed-products.ts';
import type { FeedRecord } from '../../../main/pipelines/import/feed-types.ts';
import { caught, fixture, importFeed } from './import-test-helpers.ts';

async function records(name: string): Promise<FeedRecord[]> {
  const all: FeedRecord[] = [];
  for await (const record of readFeedRecords(fixture('csv', name))) all.push(record);
  return all;
}

describe('readDatanormRecords', () => {
  it('joins A and B records', async () => {
    // The .001 file has a V header, one A record and its B record.
    const found = await records('datanorm4-articles-cp850.001');
    expect(found).toHaveLength(1);
    expect(found[0]?.fields['Artikelnummer']).toBe('899977');
    expect(found[0]?.fields['EAN']).toBe('3250614315336');
  });

  it('decodes CP850 article umlauts', async () => {
    const [article] = await records('datanorm4-articles-cp850.001');
    expect(article?.fields['Kurztext2']).toBe('MCS316 415V 3TE 50Hz Zusatzeinr.mögl');
  });

  it('decodes Latin-1 group umlauts', async () => {
    // Four S records; the first names group 01.
    const groups = await records('datanorm4-product-groups-latin1.wrg');
    expect(groups).toHaveLength(4);
    expect(groups[0]?.fields['HauptwarengruppeName']).toBe('Installationsgeräte & -systeme');
  });

  it('reads the V header', async () => {
    const [article] = await records('datanorm4-articles-cp850.001');
    expect(article?.context?.['V.Version']).toBe('04');
    expect(article?.context?.['V.Waehrung']).toBe('EUR');
  });

  it('converts cents to unit prices', async () => {
    const { materials } = await importFeed(fixture('csv', 'datanorm4-articles-cp850.001'));
    expect(materials[0]).toMatchObject({ price: 100, currency: 'EUR', sku: '899977' });
  });

  it('rejects a product group file', async () => {
    const error = await caught(() =>
      importFeed(fixture('csv', 'datanorm4-product-groups-latin1.wrg')),
    );
    expect(error.code).toBe('no_products');
    expect(error.message).toContain('.001');
  });
});
