/**
 * Handlers of the feed import (`imports:*`) and scraping (`scrapes:*`) calls. Only the
 * preview exists so far, because the core has no import or scrape job types yet; the other
 * calls return `not_available`.
 */
import { resolve } from 'node:path';
import type { CallName } from '../../contract/calls.ts';
import type { CallHandlers } from './api-context.ts';
import { notAvailable } from './api-errors.ts';
import { previewImport } from './import-preview.ts';

type PipelineCall = Extract<CallName, `imports:${string}` | `scrapes:${string}`>;

const unavailable = (call: PipelineCall, needs: string) => async () => {
  throw notAvailable(call, needs);
};

// TODO: bind the rest once the core exposes the xml_import and web_scraping job types, the
// imports and scraping-sessions repositories, and pausing of scrape jobs.
export const pipelineHandlers: CallHandlers<PipelineCall> = {
  'imports:preview': (input) => previewImport(resolve(input.path)),
  'imports:start': unavailable('imports:start', 'the xml_import job type'),
  'imports:list': unavailable('imports:list', 'an imports repository'),
  'imports:failures': unavailable('imports:failures', 'an imports repository'),
  'imports:templates': unavailable('imports:templates', 'a mapping-templates repository'),
  'scrapes:start': unavailable('scrapes:start', 'the web_scraping job type'),
  'scrapes:list': unavailable('scrapes:list', 'a scraping-sessions repository'),
  'scrapes:get': unavailable('scrapes:get', 'a scraping-sessions repository'),
  'scrapes:pause': unavailable('scrapes:pause', 'pausing of scrape jobs'),
  'scrapes:resume': unavailable('scrapes:resume', 'pausing of scrape jobs'),
  'scrapes:cancel': unavailable('scrapes:cancel', 'the web_scraping job type'),
};
