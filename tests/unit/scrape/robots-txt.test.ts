import { describe, expect, it } from 'vitest';

import {
  disallowAllPolicy,
  isPathAllowed,
  matchesPattern,
  parseRobotsTxt,
  robotsPolicyFor,
  type RobotsRule,
} from '../../../main/pipelines/scrape/robots-txt.ts';

const TOKEN = 'KAI-Console';

function policy(text: string) {
  return robotsPolicyFor(parseRobotsTxt(text), TOKEN);
}

function allowed(text: string, path: string): boolean {
  return policy(text).isAllowed(`https://shop.example${path}`);
}

describe('robots group selection', () => {
  const groups = `User-agent: *
Disallow: /

User-agent: kai-console
Disallow: /private/

User-agent: OtherBot
Disallow: /other/
`;

  it('uses the group naming the crawler', () => {
    expect(allowed(groups, '/catalog/')).toBe(true);
  });

  it('applies that group rules', () => {
    expect(allowed(groups, '/private/a')).toBe(false);
  });

  it('ignores other crawlers rules', () => {
    expect(allowed(groups, '/other/a')).toBe(true);
  });

  it('falls back to the star group', () => {
    expect(allowed('User-agent: *\nDisallow: /cart\n', '/cart/1')).toBe(false);
  });

  it('allows all without a matching group', () => {
    expect(allowed('User-agent: OtherBot\nDisallow: /\n', '/a')).toBe(true);
  });

  it('matches a user-agent line with a version', () => {
    expect(allowed('User-agent: KAI-Console/0.1\nDisallow: /x\n', '/x')).toBe(false);
  });

  it('does not match a longer product token', () => {
    expect(allowed('User-agent: KAI-ConsoleBeta\nDisallow: /x\n', '/x')).toBe(true);
  });

  it('shares rules among consecutive user-agent lines', () => {
    const text = 'User-agent: OtherBot\nUser-agent: KAI-Console\nDisallow: /shared\n';
    expect(allowed(text, '/shared')).toBe(false);
  });

  it('merges every group naming the crawler', () => {
    const text = 'User-agent: KAI-Console\nDisallow: /a\n\nUser-agent: KAI-Console\nDisallow: /b\n';
    expect([allowed(text, '/a'), allowed(text, '/b')]).toEqual([false, false]);
  });

  it('ignores rules before any user-agent', () => {
    expect(allowed('Disallow: /\nUser-agent: KAI-Console\nDisallow: /x\n', '/a')).toBe(true);
  });
});

describe('robots rule matching', () => {
  const rules = (lines: string): RobotsRule[] =>
    parseRobotsTxt(`User-agent: *\n${lines}`).groups[0]?.rules ?? [];

  it.each([
    ['prefix match', 'Disallow: /private', '/private/a.html', false],
    ['prefix match on a file', 'Disallow: /private', '/private.html', false],
    ['no match', 'Disallow: /private', '/public', true],
    ['wildcard', 'Disallow: /*.pdf', '/docs/a.pdf', false],
    ['wildcard inside the path', 'Disallow: /catalog/*/print', '/catalog/tiles/print/2', false],
    ['end anchor matches', 'Disallow: /*.pdf$', '/a.pdf', false],
    ['end anchor rejects a query', 'Disallow: /*.pdf$', '/a.pdf?download=1', true],
    [
      'end anchor rejects a longer path',
      'Disallow: /catalog/*/print$',
      '/catalog/t/printable',
      true,
    ],
    ['query in the pattern', 'Disallow: /*session=', '/search?q=1&session=2', false],
    [
      'longer allow wins',
      'Disallow: /private/\nAllow: /private/open.html',
      '/private/open.html',
      true,
    ],
    ['longer disallow wins', 'Allow: /shop\nDisallow: /shop/cart', '/shop/cart/1', false],
    ['allow wins a tie', 'Disallow: /page\nAllow: /page', '/page', true],
    ['empty disallow allows all', 'Disallow:', '/anything', true],
    ['robots.txt is always allowed', 'Disallow: /', '/robots.txt', true],
    ['escapes compare decoded', 'Disallow: /%7Euser', '/~user/a', false],
    ['escape case is ignored', 'Disallow: /a%2fb', '/a%2Fb', false],
    ['non-ASCII patterns are encoded', 'Disallow: /käyttäjä', '/k%C3%A4ytt%C3%A4j%C3%A4', false],
    ['comments are ignored', 'Disallow: /x # not /y', '/y', true],
  ])('%s', (_case, lines, path, expected) => {
    expect(isPathAllowed(rules(lines), path)).toBe(expected);
  });

  it('anchors patterns at the start', () => {
    expect(matchesPattern('/a', '/b/a')).toBe(false);
  });
});

describe('robots extras', () => {
  const text =
    'Sitemap: https://shop.example/s1.xml\r\nUser-agent: KAI-Console\r\nCrawl-delay: 2.5\r\nDisallow: /x\r\nSitemap: https://shop.example/s2.xml\r\n';

  it('reads Crawl-delay of the matched group', () => {
    expect(policy(text).crawlDelaySeconds).toBe(2.5);
  });

  it('ignores Crawl-delay of other groups', () => {
    expect(policy('User-agent: OtherBot\nCrawl-delay: 9\n').crawlDelaySeconds).toBeNull();
  });

  it('ignores an invalid Crawl-delay', () => {
    expect(policy('User-agent: *\nCrawl-delay: soon\n').crawlDelaySeconds).toBeNull();
  });

  it('collects Sitemap lines anywhere', () => {
    expect(policy(text).sitemaps).toEqual([
      'https://shop.example/s1.xml',
      'https://shop.example/s2.xml',
    ]);
  });

  it('handles CRLF line ends', () => {
    expect(policy(text).isAllowed('https://shop.example/x')).toBe(false);
  });

  it('accepts a misspelt user-agent key', () => {
    expect(allowed('Useragent: KAI-Console\nDisallow: /x\n', '/x')).toBe(false);
  });

  it('blocks everything when unreachable', () => {
    expect(disallowAllPolicy().isAllowed('https://shop.example/')).toBe(false);
  });

  it('keeps robots.txt fetchable when unreachable', () => {
    expect(disallowAllPolicy().isAllowed('https://shop.example/robots.txt')).toBe(true);
  });
});
