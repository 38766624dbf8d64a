import { describe, expect, it } from 'vitest';
import { allMatches } from '../../src/text/all-matches.js';

const same = (re: RegExp, text: string) => {
  const want = [...text.matchAll(new RegExp(re.source, re.flags))].map((m) => [m.index, ...m]);
  expect(allMatches(re, text).map((m) => [m.index, ...m])).toEqual(want);
};

describe('allMatches', () => {
  it('gives what matchAll gives, groups and indices', () => {
    same(/(?<!\s)\s+(?:—|–|--)\s+/gu, 'a — b (c – d) -- e');
    same(/[(（]([^()（）]*)[)）]/gu, 'x (Owner: Ana) y （担当：佐藤）');
    same(/[\p{Extended_Pictographic}✓✗✘]\uFE0F?/gu, '✅ done ✔️ and ✗');
    same(/x/g, 'nothing');
  });

  it('moves past empty matches as matchAll does, a surrogate pair whole under `u`', () => {
    same(/a*/g, 'baab');
    same(/(?:)/gu, 'a😀b');
    same(/(?:)/g, 'a😀b');
  });

  it('starts at lastIndex, as matchAll does, and leaves it as it was', () => {
    const re = /\d/g;
    re.lastIndex = 2;
    expect(allMatches(re, '1234').map((m) => m[0])).toEqual(['3', '4']);
    expect(re.lastIndex).toBe(2);
  });

  it('finishes before the caller uses the expression again (the matches are collected first)', () => {
    const re = /\d/g;
    const seen: string[] = [];
    for (const m of allMatches(re, 'a1b2')) {
      seen.push(m[0], String(re.test('9')));
      re.lastIndex = 0;
    }
    expect(seen).toEqual(['1', 'true', '2', 'true']);
  });
});
