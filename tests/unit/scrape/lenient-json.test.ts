import { describe, expect, it } from 'vitest';

import { parseLenientJson, repairJson } from '../../../main/pipelines/scrape/lenient-json.ts';

describe('parseLenientJson', () => {
  it.each([
    ['a line comment', '{"a": 1, // note\n"b": 2}', { a: 1, b: 2 }],
    ['a block comment', '{"a": /* x */ 1}', { a: 1 }],
    ['a trailing comma in an object', '{"a": 1,}', { a: 1 }],
    ['a trailing comma in an array', '[1, 2, ]', [1, 2]],
    ['a raw line break in a string', '{"a": "x\ny"}', { a: 'x\ny' }],
    ['an HTML comment wrapper', '<!-- {"a": 1} -->', { a: 1 }],
    ['a CDATA wrapper', '<![CDATA[{"a": 1}]]>', { a: 1 }],
    ['a trailing semicolon', '{"a": 1};', { a: 1 }],
  ])('repairs %s', (_case, text, expected) => {
    expect(parseLenientJson(text)).toEqual(expected);
  });

  it('keeps comment markers inside strings', () => {
    expect(parseLenientJson('{"url": "https://x.example/a", "b": 1,}')).toEqual({
      url: 'https://x.example/a',
      b: 1,
    });
  });

  it('keeps a comma and brace inside strings', () => {
    expect(repairJson('{"a": "x, }", "b": [1,],}')).toBe('{"a": "x, }", "b": [1]}');
  });

  it('throws on hopeless input', () => {
    expect(() => parseLenientJson('{"a": ')).toThrow(SyntaxError);
  });
});
