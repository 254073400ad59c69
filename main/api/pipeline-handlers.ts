/**
 * Handlers of the feed import (`imports:*`) and scraping (`scrapes:*`) calls. Their
 * pipelines are not wired into the core yet, so each call returns `not_available`.
 */
import type { CallName } from '../../contract/calls.ts';
import type { CallHandlers } from './api-context.ts';
import { notAvailable } from './api-errors.ts';

type PipelineCall = Extract<CallName, `imports:${string}` | `scrapes:${string}`>;

const unavailable = (call: PipelineCall, needs: string) => async () => {
  throw notAvailable(call, needs);
};

// TODO: bind these once the core exposes the import and scrape job types: a feed preview
// function, an import starter, the imports and scraping repositories, and pause/resume.
export const pipelineHandlers: CallHandlers<PipelineCall> = {
  'imports:preview': unavailable('imports:preview', 'a feed preview function'),
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
