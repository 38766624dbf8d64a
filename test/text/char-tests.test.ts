import { describe, expect, it } from 'vitest';
import {
  HAN_KANA_MIN,
  hasCodeAtLeast,
  hasDigit,
  hasLetter,
  hasLetterOrDigit,
  inRange,
  isDigit,
  PICTOGRAPHIC_MIN,
  startsUpper,
  UPPER_ABOVE_ASCII,
} from '../../src/text/char-tests.js';

/** The first code point `re` matches, or -1. */
function firstMatch(re: RegExp): number {
  for (let c = 0; c <= 0x10ffff; c++) if (re.test(String.fromCodePoint(c))) return c;
  return -1;
}

describe('char-tests', () => {
  it('the bounds are the first code points of their classes, so a test below them is exact', () => {
    expect(firstMatch(/\p{Extended_Pictographic}/u)).toBe(PICTOGRAPHIC_MIN);
    expect(firstMatch(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u)).toBe(HAN_KANA_MIN);
    expect(firstMatch(/^(?![A-Z])\p{Lu}$/u)).toBe(UPPER_ABOVE_ASCII);
  });

  it('hasCodeAtLeast looks at every code unit from `from` on', () => {
    expect(hasCodeAtLeast('plain text', PICTOGRAPHIC_MIN)).toBe(false);
    expect(hasCodeAtLeast('done ✅', PICTOGRAPHIC_MIN)).toBe(true);
    expect(hasCodeAtLeast('©', PICTOGRAPHIC_MIN)).toBe(true);
    expect(hasCodeAtLeast('✅ done', PICTOGRAPHIC_MIN, 1)).toBe(false);
    expect(hasCodeAtLeast('完了', HAN_KANA_MIN)).toBe(true);
    expect(hasCodeAtLeast('', 0)).toBe(false);
  });

  it('hasLetter and hasLetterOrDigit answer as /\\p{L}/u and /[\\p{L}\\p{N}]/u do, ASCII or not', () => {
    const samples = ['', 'abc', '---', '12', ' 7 ', 'ª', 'µ', '²', '٣', 'é', '—', '✅', '✅ a', '完了', '- * _', '\u0345', 'Ⅻ', '@[`{'];
    for (const s of samples) {
      expect(hasLetter(s), s).toBe(/\p{L}/u.test(s));
      expect(hasLetterOrDigit(s), s).toBe(/[\p{L}\p{N}]/u.test(s));
    }
    // Every code point alone (surrogates aside).
    const wrong: number[] = [];
    for (let c = 0; c <= 0x10ffff; c += c < 0x3000 ? 1 : 97) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const s = String.fromCodePoint(c);
      if (hasLetter(s) !== /\p{L}/u.test(s) || hasLetterOrDigit(s) !== /[\p{L}\p{N}]/u.test(s)) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });

  it('isDigit and inRange are false past the end (NaN)', () => {
    expect(isDigit('7'.charCodeAt(0))).toBe(true);
    expect(isDigit('a'.charCodeAt(0))).toBe(false);
    expect(isDigit(''.charCodeAt(0))).toBe(false);
    expect(inRange('─'.charCodeAt(0), 0x2500, 0x257f)).toBe(true);
    expect(inRange(''.charCodeAt(0), 0, 0xffff)).toBe(false);
  });

  it('hasDigit is true wherever \\d matches, with the u and i flags or without (the guards of the date forms and scopes)', () => {
    const wrong: number[] = [];
    for (let c = 0; c <= 0x10ffff; c++) {
      const s = `a${String.fromCodePoint(c)}b`;
      const d = /\d/.test(s);
      if (hasDigit(s) !== d || /\d/iu.test(s) !== d) wrong.push(c);
    }
    expect(wrong).toEqual([]);
    expect(hasDigit('Phase one')).toBe(false);
    expect(hasDigit('Phase 1')).toBe(true);
  });

  it('startsUpper is true wherever /^\\p{Lu}/u is', () => {
    const missed: number[] = [];
    for (let c = 0; c <= 0x10ffff; c += c < 0x3000 ? 1 : 31) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const s = `${String.fromCodePoint(c)}x`;
      if (/^\p{Lu}/u.test(s) && !startsUpper(s)) missed.push(c);
    }
    expect(missed).toEqual([]);
    expect(startsUpper('')).toBe(false);
    expect(startsUpper('a')).toBe(false);
  });
});
