import { describe, expect, it } from 'vitest';

import { CookieJar } from '../../../main/pipelines/scrape/cookie-jar.ts';

describe('CookieJar', () => {
  it('returns a stored cookie', () => {
    const jar = new CookieJar();
    jar.storeFromResponse('https://shop.example/gate', ['gate=passed; Path=/; HttpOnly']);
    expect(jar.cookieHeaderFor('https://shop.example/any')).toBe('gate=passed');
  });

  it('keeps host-only cookies on their host', () => {
    const jar = new CookieJar();
    jar.storeFromResponse('https://shop.example/', ['a=1; Path=/']);
    expect(jar.cookieHeaderFor('https://www.shop.example/')).toBeNull();
  });

  it('shares Domain cookies with subdomains', () => {
    const jar = new CookieJar();
    jar.storeFromResponse('https://shop.example/', ['a=1; Domain=.shop.example; Path=/']);
    expect(jar.cookieHeaderFor('https://www.shop.example/')).toBe('a=1');
  });

  it('rejects a Domain of another site', () => {
    const jar = new CookieJar();
    jar.storeFromResponse('https://shop.example/', ['a=1; Domain=other.example']);
    expect(jar.size).toBe(0);
  });

  it('defaults the path to the request directory', () => {
    const jar = new CookieJar();
    jar.storeFromResponse('https://shop.example/catalog/tiles', ['a=1']);
    expect([
      jar.cookieHeaderFor('https://shop.example/catalog/x'),
      jar.cookieHeaderFor('https://shop.example/cart'),
    ]).toEqual(['a=1', null]);
  });

  it('does not match a path prefix mid-segment', () => {
    const jar = new CookieJar();
    jar.storeFromResponse('https://shop.example/', ['a=1; Path=/cat']);
    expect(jar.cookieHeaderFor('https://shop.example/catalog')).toBeNull();
  });

  it('sends Secure cookies over https only', () => {
    const jar = new CookieJar();
    jar.storeFromResponse('https://shop.example/', ['a=1; Path=/; Secure']);
    expect(jar.cookieHeaderFor('http://shop.example/')).toBeNull();
  });

  it('expires cookies by Max-Age', () => {
    let now = 1_000_000;
    const jar = new CookieJar(() => now);
    jar.storeFromResponse('https://shop.example/', ['a=1; Path=/; Max-Age=10']);
    now += 11_000;
    expect(jar.cookieHeaderFor('https://shop.example/')).toBeNull();
  });

  it('deletes a cookie with Max-Age=0', () => {
    const jar = new CookieJar();
    jar.storeFromResponse('https://shop.example/', ['a=1; Path=/']);
    jar.storeFromResponse('https://shop.example/', ['a=; Path=/; Max-Age=0']);
    expect(jar.cookieHeaderFor('https://shop.example/')).toBeNull();
  });

  it('honours Expires', () => {
    const jar = new CookieJar(() => Date.parse('2030-01-02T00:00:00Z'));
    jar.storeFromResponse('https://shop.example/', [
      'a=1; Path=/; Expires=Tue, 01 Jan 2030 00:00:00 GMT',
    ]);
    expect(jar.cookieHeaderFor('https://shop.example/')).toBeNull();
  });

  it('orders longer paths first', () => {
    const jar = new CookieJar();
    jar.storeFromResponse('https://shop.example/', ['a=1; Path=/', 'b=2; Path=/catalog']);
    expect(jar.cookieHeaderFor('https://shop.example/catalog/x')).toBe('b=2; a=1');
  });

  it('replaces a cookie with the same name', () => {
    const jar = new CookieJar();
    jar.storeFromResponse('https://shop.example/', ['a=1; Path=/', 'a=2; Path=/']);
    expect(jar.cookieHeaderFor('https://shop.example/')).toBe('a=2');
  });
});
