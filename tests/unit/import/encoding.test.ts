import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  detectEncoding,
  normalizeEncodingName,
  type EncodingInfo,
} from '../../../main/pipelines/import/encoding-detection.ts';
import { decodeChunks } from '../../../main/pipelines/import/text-decoding.ts';
import { caught, fixture } from './import-test-helpers.ts';

const utf8: EncodingInfo = { name: 'utf-8', source: 'detected', confidence: 1, bomLength: 0 };

async function decode(chunks: Buffer[], encoding: EncodingInfo): Promise<string> {
  async function* source() {
    yield* chunks;
  }
  let text = '';
  for await (const part of decodeChunks(source(), encoding, 'test.csv')) text += part;
  return text;
}

describe('detectEncoding', () => {
  const cases: [string, 'xml' | 'csv' | 'json', string, string][] = [
    ['metallider-rebar-steel-products-bom-cyrillic.csv', 'csv', 'utf-8', 'bom'],
    ['kai-utf16le-bom.csv', 'csv', 'utf-16le', 'bom'],
    ['pallmann-parquet-price-list-fr.csv', 'csv', 'utf-8', 'detected'],
    ['kai-windows-1252-euro.csv', 'csv', 'windows-1252', 'detected'],
    ['datanorm4-product-groups-latin1.wrg', 'csv', 'iso-8859-1', 'detected'],
  ];

  it.each(cases)('reads %s as %s', (name, kind, encoding, source) => {
    const detected = detectEncoding(readFileSync(fixture(kind, name)), name);
    expect(detected.name).toBe(encoding);
    expect(detected.source).toBe(source);
  });

  it('prefers CP850 for DATANORM', () => {
    const sample = readFileSync(fixture('csv', 'datanorm4-articles-cp850.001'));
    expect(detectEncoding(sample, 'x', { preferredSingleByte: 'cp850' }).name).toBe('cp850');
  });

  it('takes the XML declaration', () => {
    const sample = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><a/>');
    const declared = detectEncoding(sample, 'x', { declared: 'ISO-8859-1' });
    expect(declared).toMatchObject({ name: 'iso-8859-1', source: 'declaration' });
  });

  it('lets the caller override the detection', () => {
    const sample = readFileSync(fixture('csv', 'pallmann-parquet-price-list-fr.csv'));
    expect(detectEncoding(sample, 'x', { option: 'Latin1' })).toMatchObject({
      name: 'iso-8859-1',
      source: 'option',
    });
  });

  it('rejects an unknown encoding name', async () => {
    const error = await caught(async () =>
      detectEncoding(Buffer.from('a'), 'x', { option: 'klingon' }),
    );
    expect(error.code).toBe('unknown_encoding');
  });

  it('normalises common labels', () => {
    expect(['UTF8', 'IBM850', 'cp1252'].map(normalizeEncodingName)).toEqual([
      'utf-8',
      'cp850',
      'windows-1252',
    ]);
  });
});

describe('decodeChunks', () => {
  it('joins split UTF-8 characters', async () => {
    const bytes = Buffer.from('Größe', 'utf8');
    expect(await decode([bytes.subarray(0, 3), bytes.subarray(3)], utf8)).toBe('Größe');
  });

  it('skips only a leading BOM', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const text = await decode([bom, Buffer.from('a'), bom], { ...utf8, bomLength: 3 });
    expect(text).toBe('a\uFEFF');
  });

  it('locates an invalid UTF-8 byte', async () => {
    const bytes = Buffer.concat([
      Buffer.from('sku;name\n1;Gr'),
      Buffer.from([0xfc]),
      Buffer.from('n\n'),
    ]);
    const error = await caught(() => decode([bytes.subarray(0, 5), bytes.subarray(5)], utf8));
    expect(error.code).toBe('invalid_encoding');
    expect(error.message).toContain('byte offset 13');
    expect(error.message).toContain('line 2');
  });

  it('rejects undefined windows-1252 bytes', async () => {
    const encoding = { ...utf8, name: 'windows-1252' };
    const error = await caught(() => decode([Buffer.from([0x41, 0x81, 0x42])], encoding));
    expect(error.message).toContain('byte offset 1');
  });

  it('reports a cut-off character', async () => {
    const error = await caught(() => decode([Buffer.from([0x61, 0xc3])], utf8));
    expect(error.code).toBe('truncated_character');
  });

  it('decodes CP850 umlauts', async () => {
    const encoding = { ...utf8, name: 'cp850' };
    expect(await decode([Buffer.from([0x94, 0x84, 0x81, 0xe1])], encoding)).toBe('öäüß');
  });
});
