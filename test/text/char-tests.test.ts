import { describe, expect, it } from 'vitest';
import { HAN_KANA_MIN, hasCodeAtLeast, PICTOGRAPHIC_MIN } from '../../src/text/char-tests.js';

/** The first code point `re` matches, or -1. */
function firstMatch(re: RegExp): number {
  for (let c = 0; c <= 0x10ffff; c++) if (re.test(String.fromCodePoint(c))) return c;
  return -1;
}

describe('char-tests', () => {
  it('the bounds are the first code points of their classes, so a test below them is exact', () => {
    expect(firstMatch(/\p{Extended_Pictographic}/u)).toBe(PICTOGRAPHIC_MIN);
    expect(firstMatch(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u)).toBe(HAN_KANA_MIN);
  });

  it('hasCodeAtLeast looks at every code unit from `from` on', () => {
    expect(hasCodeAtLeast('plain text', PICTOGRAPHIC_MIN)).toBe(false);
    expect(hasCodeAtLeast('done ✅', PICTOGRAPHIC_MIN)).toBe(true);
    expect(hasCodeAtLeast('©', PICTOGRAPHIC_MIN)).toBe(true);
    expect(hasCodeAtLeast('✅ done', PICTOGRAPHIC_MIN, 1)).toBe(false);
    expect(hasCodeAtLeast('完了', HAN_KANA_MIN)).toBe(true);
    expect(hasCodeAtLeast('', 0)).toBe(false);
  });
});
