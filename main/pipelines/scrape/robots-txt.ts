/**
 * robots.txt parsing and matching as in RFC 9309 (Robots Exclusion Protocol), plus the
 * non-standard but common `Crawl-delay` and `Sitemap` lines.
 */

import { canonicalisePercentEscapes } from './url-normalisation.ts';

/** One Allow or Disallow line of a group. */
export interface RobotsRule {
  allow: boolean;
  /** The path pattern as written, with `*` wildcards and an optional `$` end anchor. */
  pattern: string;
}

/** A group: the user-agent lines that start it and the rules under them. */
export interface RobotsGroup {
  userAgents: string[];
  rules: RobotsRule[];
  /** Seconds, when the group has a valid `Crawl-delay` line. */
  crawlDelaySeconds: number | null;
}

/** A parsed robots.txt file. */
export interface RobotsTxt {
  groups: RobotsGroup[];
  /** Absolute URLs from `Sitemap:` lines, which apply to every user agent. */
  sitemaps: string[];
}

/** The rules of robots.txt that apply to one crawler. */
export interface RobotsPolicy {
  /** Returns whether the crawler may fetch `url` (an absolute URL on the robots.txt host). */
  isAllowed(url: string): boolean;
  /** Seconds from the matched group's `Crawl-delay`, or null. */
  readonly crawlDelaySeconds: number | null;
  readonly sitemaps: readonly string[];
}

/** Parsing limit: RFC 9309 requires it to be at least 500 KiB. Text after it is ignored. */
export const MAX_ROBOTS_TXT_BYTES = 500 * 1024;

/** Parses robots.txt text. Lines that are not `key: value` pairs are ignored. */
export function parseRobotsTxt(text: string): RobotsTxt {
  const groups: RobotsGroup[] = [];
  const sitemaps: string[] = [];
  let current: RobotsGroup | null = null;
  let lastWasUserAgent = false;

  for (const line of text.split(/\r\n|\r|\n/)) {
    const entry = parseLine(line);
    if (!entry) continue;
    const { key, value } = entry;
    if (key === 'sitemap') {
      if (value !== '') sitemaps.push(value);
      continue;
    }
    if (key === 'user-agent') {
      if (!current || !lastWasUserAgent) {
        current = { userAgents: [], rules: [], crawlDelaySeconds: null };
        groups.push(current);
      }
      current.userAgents.push(value);
      lastWasUserAgent = true;
      continue;
    }
    lastWasUserAgent = false;
    // Rules before the first user-agent line belong to no group and are ignored.
    if (!current) continue;
    applyGroupLine(current, key, value);
  }
  return { groups, sitemaps };
}

/**
 * Selects the rules for `productToken` (for example `KAI-Console`). Every group whose
 * user-agent matches the token, case-insensitively, is merged into one. The `*` groups apply
 * only when no group names the crawler, and everything is allowed when neither exists.
 */
export function robotsPolicyFor(robots: RobotsTxt, productToken: string): RobotsPolicy {
  const token = productToken.toLowerCase();
  let matched = robots.groups.filter((group) =>
    group.userAgents.some((agent) => agentToken(agent) === token),
  );
  if (matched.length === 0) {
    matched = robots.groups.filter((group) => group.userAgents.some((agent) => agent === '*'));
  }
  const rules = matched.flatMap((group) => group.rules);
  const delays = matched.map((group) => group.crawlDelaySeconds).filter((d) => d !== null);
  return {
    isAllowed: (url) => isPathAllowed(rules, pathAndQuery(url)),
    crawlDelaySeconds: delays.length > 0 ? Math.max(...delays) : null,
    sitemaps: robots.sitemaps,
  };
}

/** Returns a policy that allows everything, as a missing robots.txt (HTTP 4xx) means. */
export function allowAllPolicy(sitemaps: readonly string[] = []): RobotsPolicy {
  return { isAllowed: () => true, crawlDelaySeconds: null, sitemaps };
}

/**
 * Returns a policy that blocks everything except robots.txt itself. RFC 9309 section 2.3.1.4
 * requires this when robots.txt is unreachable (HTTP 5xx or a network failure).
 */
export function disallowAllPolicy(): RobotsPolicy {
  return {
    isAllowed: (url) => new URL(url).pathname === '/robots.txt',
    crawlDelaySeconds: null,
    sitemaps: [],
  };
}

/**
 * Decides a path (with query) against rules: the longest matching pattern wins, and Allow wins
 * a tie with Disallow. `/robots.txt` is always allowed.
 */
export function isPathAllowed(rules: readonly RobotsRule[], path: string): boolean {
  const target = canonicalisePath(path);
  if (target === '/robots.txt') return true;
  let best: RobotsRule | null = null;
  let bestLength = -1;
  for (const rule of rules) {
    const pattern = canonicalisePath(rule.pattern);
    if (!matchesPattern(pattern, target)) continue;
    const length = pattern.length;
    if (length > bestLength || (length === bestLength && rule.allow && best?.allow === false)) {
      best = rule;
      bestLength = length;
    }
  }
  return best ? best.allow : true;
}

/** Returns whether a robots.txt pattern (`*` wildcards, optional final `$`) matches `path`. */
export function matchesPattern(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  const source = body
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}${anchored ? '$' : ''}`, 's').test(path);
}

function parseLine(line: string): { key: string; value: string } | null {
  const withoutComment = line.replace(/#.*$/, '');
  const colon = withoutComment.indexOf(':');
  if (colon < 0) return null;
  const key = withoutComment.slice(0, colon).trim().toLowerCase();
  const value = withoutComment.slice(colon + 1).trim();
  return key === '' ? null : { key: normaliseKey(key), value };
}

// Common misspellings are accepted, so that sites that rely on them keep working.
function normaliseKey(key: string): string {
  if (key === 'useragent' || key === 'user agent') return 'user-agent';
  if (key === 'dissallow' || key === 'dissalow' || key === 'disalow') return 'disallow';
  if (key === 'site-map') return 'sitemap';
  return key;
}

function applyGroupLine(group: RobotsGroup, key: string, value: string): void {
  if (key === 'allow' || key === 'disallow') {
    // An empty Disallow allows everything, which is what having no rule means.
    if (value !== '') group.rules.push({ allow: key === 'allow', pattern: value });
    return;
  }
  if (key === 'crawl-delay') {
    const seconds = Number(value);
    if (Number.isFinite(seconds) && seconds >= 0) {
      group.crawlDelaySeconds = Math.max(group.crawlDelaySeconds ?? 0, seconds);
    }
  }
}

/** Returns the product token of a user-agent line: its leading run of letters, `-` and `_`. */
function agentToken(agent: string): string {
  return (/^[A-Za-z_-]+/.exec(agent)?.[0] ?? '').toLowerCase();
}

function pathAndQuery(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

/** Percent-encodes non-ASCII characters as UTF-8 and canonicalises existing escapes. */
function canonicalisePath(path: string): string {
  // eslint-disable-next-line no-control-regex
  const encoded = path.replace(/[^\x00-\x7f]+/g, (run) => encodeURIComponent(run));
  return canonicalisePercentEscapes(encoded);
}
