import { describe, expect, it } from 'vitest';

import {
  isTrackingParameter,
  normaliseQuery,
  normaliseUrl,
  siteKey,
} from '../../../main/pipelines/scrape/url-normalisation.ts';

const BASE = 'https://shop.example/catalog/tiles/index.html';

describe('normaliseUrl', () => {
  it.each([
    ['drops the fragment', '/a#top', 'https://shop.example/a'],
    ['lower-cases the host', 'https://SHOP.Example/A', 'https://shop.example/A'],
    ['removes the default https port', 'https://shop.example:443/a', 'https://shop.example/a'],
    ['removes the default http port', 'http://shop.example:80/a', 'http://shop.example/a'],
    ['keeps other ports', 'http://127.0.0.1:8080/a', 'http://127.0.0.1:8080/a'],
    ['sorts query parameters', '/a?b=2&a=1', 'https://shop.example/a?a=1&b=2'],
    [
      'removes utm parameters',
      '/a?utm_source=x&page=2&utm_medium=y',
      'https://shop.example/a?page=2',
    ],
    ['removes click ids', '/a?gclid=1&fbclid=2&mc_cid=3&msclkid=4', 'https://shop.example/a'],
    ['resolves relative paths', '../adhesives/', 'https://shop.example/catalog/adhesives/'],
    ['resolves dot segments', '/a/./b/../c', 'https://shop.example/a/c'],
    ['trims whitespace', '  /a  ', 'https://shop.example/a'],
    ['decodes unreserved escapes', '/%7Euser/%41', 'https://shop.example/~user/A'],
    ['upper-cases other escapes', '/a%2fb', 'https://shop.example/a%2Fb'],
    [
      'keeps &amp; that survived one decoding',
      '/a?x=1&amp;y=2',
      'https://shop.example/a?amp;y=2&x=1',
    ],
    ['keeps query encoding', '/a?q=a%20b', 'https://shop.example/a?q=a%20b'],
    ['keeps a trailing slash', '/a/', 'https://shop.example/a/'],
    ['drops credentials', 'https://user:pw@shop.example/a', 'https://shop.example/a'],
    ['drops an empty query', '/a?', 'https://shop.example/a'],
  ])('%s', (_case, href, expected) => {
    expect(normaliseUrl(href, BASE)).toBe(expected);
  });

  it.each([
    ['mailto:sales@shop.example'],
    ['javascript:void(0)'],
    ['ftp://shop.example/file.zip'],
    ['tel:+3725550000'],
    ['data:text/html,hi'],
    ['http://'],
  ])('rejects %s', (href) => {
    expect(normaliseUrl(href, BASE)).toBeNull();
  });

  it('makes tracking duplicates equal', () => {
    const plain = normaliseUrl('/catalog/tiles?page=2', BASE);
    expect(normaliseUrl('/catalog/tiles?page=2&utm_source=x', BASE)).toBe(plain);
  });
});

describe('normaliseQuery', () => {
  it('keeps parameters without a value', () => {
    expect(normaliseQuery('?b&a=')).toBe('?a=&b');
  });

  it('sorts equal names by value', () => {
    expect(normaliseQuery('c=2&c=1')).toBe('?c=1&c=2');
  });
});

describe('isTrackingParameter', () => {
  it.each([
    ['utm_campaign', true],
    ['UTM_Source', true],
    ['gclid', true],
    ['page', false],
    ['sort', false],
  ])('classifies %s', (name, expected) => {
    expect(isTrackingParameter(name)).toBe(expected);
  });
});

describe('siteKey', () => {
  it('ignores www and scheme', () => {
    expect(siteKey('https://www.shop.example/a')).toBe(siteKey('http://shop.example/b'));
  });

  it('separates ports', () => {
    expect(siteKey('http://127.0.0.1:8080/')).not.toBe(siteKey('http://127.0.0.1:9090/'));
  });
});
