import { describe, expect, it } from 'vitest';
import { readFeedRecords } from '../../../main/pipelines/import/feed-products.ts';
import { previewFeed } from '../../../main/pipelines/import/feed-preview.ts';
import { openFeed } from '../../../main/pipelines/import/feed-source.ts';
import type { FeedRecord } from '../../../main/pipelines/import/feed-types.ts';
import { ENTITY_LIMITS } from '../../../main/pipelines/import/xml-entities.ts';
import { caught, fixture, importUntilError } from './import-test-helpers.ts';

async function records(name: string, preset?: null): Promise<FeedRecord[]> {
  const all: FeedRecord[] = [];
  const options = preset === null ? { preset } : {};
  for await (const record of readFeedRecords(fixture('xml', name), options)) all.push(record);
  return all;
}

describe('record element detection', () => {
  const cases: [string, string][] = [
    ['material-kai-xml-import-test-sample.xml', 'catalogo/producto'],
    ['yml-catalog-shwei-sewing-machines-2012-ru.xml', 'yml_catalog/shop/offers/offer'],
    // Generic detection without the BMEcat preset: ARTICLE repeats at depth 2, shallower than
    // the six CATALOG_STRUCTURE elements at depth 3.
    ['bmecat-1.01-new-catalog-internal-dtd-subset.xml', 'BMECAT/T_NEW_CATALOG/ARTICLE'],
  ];

  it.each(cases)('finds the records of %s', async (name, path) => {
    const feed = await openFeed(fixture('xml', name), { preset: null });
    expect(feed.recordPath).toBe(path);
  });

  it('finds RSS items and Atom entries', async () => {
    const rss = await openFeed(fixture('xml', 'google-merchant-rss-pallmann-parquet-fr.xml'));
    const atom = await openFeed(fixture('xml', 'google-merchant-atom-pallmann-parquet-fr.xml'));
    expect([rss.recordPath, atom.recordPath]).toEqual(['rss/channel/item', 'feed/entry']);
  });

  it('rejects a document where nothing repeats', async () => {
    const error = await caught(() => openFeed(fixture('xml', 'kai-single-product-no-repeat.xml')));
    expect(error.code).toBe('no_repeating_element');
    expect(error.message).toContain('recordPath');
  });

  it('accepts a caller record path', async () => {
    const path = fixture('xml', 'kai-single-product-no-repeat.xml');
    const found: FeedRecord[] = [];
    for await (const record of readFeedRecords(path, { recordPath: 'catalog/product' }))
      found.push(record);
    expect(found.map((record) => record.fields['sku'])).toEqual(['A-1']);
  });
});

describe('readXmlRecords', () => {
  it('flattens elements, repeats and attributes', async () => {
    const [charlie] = await records('bmecat-1.01-new-catalog-internal-dtd-subset.xml', null);
    const fields = charlie?.fields ?? {};
    expect(fields['ARTICLE_DETAILS.DESCRIPTION_SHORT']).toBe('Freizeithemd Charlie');
    expect(fields['ARTICLE_DETAILS.KEYWORD']).toEqual(['Oberhemd', 'Strandhemd']);
    expect(fields['ARTICLE_DETAILS.BUYER_AID']).toEqual([
      { '@type': 'BRZNR', '#text': 'K4484' },
      { '@type': 'KMF', '#text': '78787' },
    ]);
  });

  it('collects repeated images', async () => {
    const [first, second] = await records('material-kai-xml-import-test-sample.xml');
    expect(first?.fields['imagen_url']).toHaveLength(3);
    expect(second?.fields['imagen_url']).toBe('https://example.com/wallart-marble-1.jpg');
  });

  it('names elements by namespace URI', async () => {
    const found = await records('kai-google-merchant-custom-prefix.xml');
    expect(found.map((record) => record.fields['g:price'])).toEqual(['19.90 EUR', '24.50 EUR']);
  });

  it('keeps the header as context', async () => {
    const [article] = await records('bmecat-1.2-contorion-comma-decimal-prices.xml');
    expect(article?.context?.['BMECAT.HEADER.CATALOG.CURRENCY']).toBe('EUR');
    expect(article?.path).toBe('BMECAT/T_NEW_CATALOG/ARTICLE');
  });

  it('omits context from preview samples', async () => {
    const preview = await previewFeed(
      fixture('xml', 'bmecat-1.2-contorion-comma-decimal-prices.xml'),
    );
    expect(preview.sampleRecords[0]?.context).toBeUndefined();
    expect(preview.sampleRecords[0]?.fields['SUPPLIER_AID']).toBe('12345');
  });

  it('ignores an http DTD', async () => {
    const found = await records('icecat-product-8806088281285-fr-external-dtd.xml');
    expect(found[0]?.fields['@Prod_id']).toBe('SM-G930FZKAPHN');
  });

  it('expands internal entities', async () => {
    const found = await records('kai-internal-entities.xml');
    expect(found.map((record) => record.fields['maker'])).toEqual([
      'Keramik & Stein GmbH',
      'Keramik & Stein',
    ]);
    expect(found[0]?.fields['name']).toBe('Tile – matt');
  });
});

describe('hostile XML', () => {
  it('stops billion laughs', async () => {
    const error = await caught(() => previewFeed(fixture('xml', 'kai-billion-laughs.xml')));
    expect(error.code).toBe('xml_entity_limit');
    expect(error.message).toContain(`${ENTITY_LIMITS.maxEntityLength}`);
  });

  it('never reads an external file entity', async () => {
    const error = await caught(() => previewFeed(fixture('xml', 'kai-xxe-file-entity.xml')));
    expect(error.code).toBe('xml_external_entity');
    expect(error.message).toContain('file:///etc/passwd');
    expect(error.message).not.toContain('root:');
  });

  it('stops XXE with a record path', async () => {
    const path = fixture('xml', 'kai-xxe-file-entity.xml');
    const error = await caught(async () => {
      for await (const record of readFeedRecords(path, { recordPath: 'catalog/product' })) {
        expect(JSON.stringify(record.fields)).not.toContain('root:');
      }
    });
    expect(error.code).toBe('xml_external_entity');
  });
});

describe('bad XML', () => {
  it('locates malformed XML after records', async () => {
    const path = fixture('xml', 'kai-malformed-catalog.xml');
    const preview = await previewFeed(path);
    const { products, error } = await importUntilError(path, preview);
    expect(error.code).toBe('malformed_xml');
    expect(error.message).toContain('line 5, column');
    expect(products.map((p) => ('material' in p ? p.material.sku : null))).toEqual(['T-1', 'T-2']);
  });

  it('reports a truncated file', async () => {
    const path = fixture('xml', 'kai-truncated-catalog.xml');
    const preview = await previewFeed(path);
    const { products, error } = await importUntilError(path, preview);
    expect(error.code).toBe('truncated_file');
    expect(products).toHaveLength(4);
  });

  it('locates a wrong declared encoding', async () => {
    const error = await caught(() =>
      previewFeed(fixture('xml', 'kai-declared-utf8-but-latin1.xml')),
    );
    expect(error.code).toBe('invalid_encoding');
    expect(error.message).toContain('byte offset 109');
    expect(error.message).toContain('iso-8859-1');
  });

  it('reads it with an encoding option', async () => {
    const path = fixture('xml', 'kai-declared-utf8-but-latin1.xml');
    const found: FeedRecord[] = [];
    for await (const record of readFeedRecords(path, { encoding: 'iso-8859-1' }))
      found.push(record);
    expect(found[1]?.fields['name']).toBe('Grüße XL');
  });
});
