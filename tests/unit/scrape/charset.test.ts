import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';

import {
  charsetFromContentType,
  decodeHtml,
  detectCharset,
  resolveCharsetLabel,
} from '../../../main/pipelines/scrape/charset.ts';
import { fixtureBytes } from './html-fixtures.ts';

const latin1Page = (meta: string): Buffer =>
  iconv.encode(
    `<html><head>${meta}<title>Wärme</title></head><body>Größe</body></html>`,
    'windows-1252',
  );

describe('detectCharset', () => {
  it('prefers a byte order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>ä</p>')]);
    expect(detectCharset(bytes, 'text/html; charset=iso-8859-1')).toEqual({
      charset: 'utf-8',
      source: 'bom',
    });
  });

  it('detects a UTF-16LE byte order mark', () => {
    expect(detectCharset(Buffer.from([0xff, 0xfe, 0x3c, 0x00]), null).charset).toBe('utf-16le');
  });

  it('uses the Content-Type charset', () => {
    expect(detectCharset(latin1Page(''), 'text/html; charset="ISO-8859-15"')).toEqual({
      charset: 'iso-8859-15',
      source: 'header',
    });
  });

  it('reads meta charset', () => {
    const bytes = latin1Page('<meta charset="windows-1252">');
    expect(detectCharset(bytes, 'text/html')).toEqual({ charset: 'windows-1252', source: 'meta' });
  });

  it('reads meta http-equiv', () => {
    const bytes = latin1Page(
      '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
    );
    expect(detectCharset(bytes, null).charset).toBe('windows-1251');
  });

  it('ignores meta tags inside comments', () => {
    const bytes = Buffer.from('<!-- <meta charset="koi8-r"> --><p>plain</p>');
    expect(detectCharset(bytes, null).source).toBe('sniffed');
  });

  it('turns a meta UTF-16 into UTF-8', () => {
    expect(detectCharset(Buffer.from('<meta charset="utf-16">'), null).charset).toBe('utf-8');
  });

  it('sniffs valid UTF-8', () => {
    expect(detectCharset(Buffer.from('<p>Größe</p>'), null)).toEqual({
      charset: 'utf-8',
      source: 'sniffed',
    });
  });

  it('falls back to windows-1252', () => {
    expect(detectCharset(latin1Page(''), null)).toEqual({
      charset: 'windows-1252',
      source: 'sniffed',
    });
  });

  it('skips an unknown header label', () => {
    expect(
      detectCharset(latin1Page('<meta charset="windows-1252">'), 'text/html; charset=bogus').source,
    ).toBe('meta');
  });
});

describe('resolveCharsetLabel', () => {
  it.each([
    ['ISO-8859-1', 'windows-1252'],
    ['latin1', 'windows-1252'],
    ['us-ascii', 'windows-1252'],
    ['UTF8', 'utf-8'],
    ['Shift_JIS', 'shift_jis'],
    ['no-such-charset', null],
  ])('maps %s', (label, expected) => {
    expect(resolveCharsetLabel(label)).toBe(expected);
  });
});

describe('charsetFromContentType', () => {
  it('returns null without a parameter', () => {
    expect(charsetFromContentType('text/html')).toBeNull();
  });
});

describe('decodeHtml', () => {
  it('decodes the Geizhals page umlauts', () => {
    const { text } = decodeHtml(
      fixtureBytes('geizhals-listing-trockner-windows-1252.html'),
      'text/html',
    );
    expect(text).toContain('Wärmepumpentrockner');
  });

  it('detects the Geizhals charset from meta', () => {
    const { charset, source } = decodeHtml(
      fixtureBytes('geizhals-listing-trockner-windows-1252.html'),
      null,
    );
    expect({ charset, source }).toEqual({ charset: 'windows-1252', source: 'meta' });
  });

  it('leaves no replacement characters in Geizhals', () => {
    const { text } = decodeHtml(fixtureBytes('geizhals-listing-trockner-windows-1252.html'), null);
    expect(text.includes('\ufffd')).toBe(false);
  });

  it('strips the byte order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>x</p>')]);
    expect(decodeHtml(bytes, null).text).toBe('<p>x</p>');
  });
});
