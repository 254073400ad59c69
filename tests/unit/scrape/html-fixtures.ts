/** Reads and parses the HTML corpus fixtures for the scrape unit tests. */

import { readFileSync } from 'node:fs';

import { load, type CheerioAPI } from 'cheerio';

import { decodeHtml } from '../../../main/pipelines/scrape/charset.ts';

/** Returns the raw bytes of `tests/fixtures/html/<name>`. */
export function fixtureBytes(name: string): Buffer {
  return readFileSync(new URL(`../../fixtures/html/${name}`, import.meta.url));
}

/** Decodes a fixture as a server without a charset header would deliver it, and parses it. */
export function loadFixture(name: string): { $: CheerioAPI; html: string } {
  const { text } = decodeHtml(fixtureBytes(name), 'text/html');
  return { $: load(text), html: text };
}
