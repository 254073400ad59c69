import { z } from 'zod';
import { defineCall } from '../call-spec.ts';
import type { BackgroundJobRow, ScrapingPageRow, ScrapingSessionRow } from '../rows.ts';
import { SCRAPE_STATUSES } from '../vocabulary.ts';
import { idListSchema, idSchema, type ChangedIds } from './common-schemas.ts';

export const scrapesStartInput = z.strictObject({
  url: z.url({ protocol: /^https?$/, message: 'Expected an http or https URL.' }).max(2_048),
  maxPages: z.number().int().min(1).max(100_000).default(500),
  maxDepth: z.number().int().min(0).max(20).default(3),
  /** Category names or URL path prefixes to keep; empty keeps every product page. */
  categories: z.array(z.string().trim().min(1).max(200)).max(100).default([]),
});

export interface ScrapeStarted {
  job: BackgroundJobRow;
  session: ScrapingSessionRow;
}

export interface ScrapeDetail {
  session: ScrapingSessionRow;
  /** Pages in discovery order, at most `pageLimit`. */
  pages: ScrapingPageRow[];
  totalPages: number;
}

export const scrapesCalls = {
  'scrapes:start': defineCall<ScrapeStarted>()(scrapesStartInput),
  'scrapes:list': defineCall<{ sessions: ScrapingSessionRow[] }>()(
    z.strictObject({
      statuses: z.array(z.enum(SCRAPE_STATUSES)).optional(),
      limit: z.number().int().min(1).max(5_000).default(200),
    }),
  ),
  'scrapes:get': defineCall<ScrapeDetail>()(
    z.strictObject({
      id: idSchema,
      pageOffset: z.number().int().min(0).default(0),
      pageLimit: z.number().int().min(1).max(5_000).default(500),
    }),
  ),
  'scrapes:pause': defineCall<ChangedIds>()(idListSchema),
  'scrapes:resume': defineCall<ChangedIds>()(idListSchema),
  'scrapes:cancel': defineCall<ChangedIds>()(idListSchema),
};
