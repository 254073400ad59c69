import { gzipSync } from 'node:zlib';

import { describe, expect, it } from 'vitest';

import { parseSitemapBytes, parseSitemapXml } from '../../../main/pipelines/scrape/sitemap.ts';

const URLSET = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
  <!-- <url><loc>https://shop.example/commented</loc></url> -->
  <url><loc> https://shop.example/a?x=1&amp;y=2 </loc><image:image><image:loc>https://shop.example/a.jpg</image:loc></image:image></url>
  <url><loc><![CDATA[https://shop.example/b]]></loc></url>
</urlset>`;

describe('parseSitemapXml', () => {
  it('reads urlset locations', () => {
    expect(parseSitemapXml(URLSET)).toEqual({
      kind: 'urlset',
      locations: ['https://shop.example/a?x=1&y=2', 'https://shop.example/b'],
    });
  });

  it('reads a sitemap index', () => {
    const xml = `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://shop.example/s1.xml</loc><lastmod>2024-01-01</lastmod></sitemap>
    </sitemapindex>`;
    expect(parseSitemapXml(xml)).toEqual({
      kind: 'sitemapindex',
      locations: ['https://shop.example/s1.xml'],
    });
  });

  it('reads prefixed elements', () => {
    const xml =
      '<sm:urlset xmlns:sm="http://www.sitemaps.org/schemas/sitemap/0.9"><sm:url><sm:loc>https://shop.example/p</sm:loc></sm:url></sm:urlset>';
    expect(parseSitemapXml(xml).locations).toEqual(['https://shop.example/p']);
  });

  it('falls back on malformed XML', () => {
    const xml =
      '<urlset><url><loc>https://shop.example/a?x=1&y=2</loc></url><url><loc>https://shop.example/b</loc></url>';
    expect(parseSitemapXml(xml)).toEqual({
      kind: 'urlset',
      locations: ['https://shop.example/a?x=1&y=2', 'https://shop.example/b'],
    });
  });

  it('reports an unknown root', () => {
    expect(parseSitemapXml('<rss><channel/></rss>')).toEqual({ kind: 'unknown', locations: [] });
  });
});

describe('parseSitemapBytes', () => {
  it('inflates gzip sitemaps', () => {
    expect(parseSitemapBytes(gzipSync(URLSET)).locations).toHaveLength(2);
  });

  it('reads plain bytes', () => {
    expect(parseSitemapBytes(Buffer.from(URLSET)).kind).toBe('urlset');
  });
});
