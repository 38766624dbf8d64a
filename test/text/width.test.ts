// One width function for every view: textWidth is string-width, only faster on ASCII.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { graphemes, mayBeEquallyWide, textWidth, widthBounds } from '../../src/text/width.js';

const WIDE_SAMPLES: [string, number][] = [
  ['👨‍👩‍👧', 2], // ZWJ family
  ['🇫🇷', 2], // flag: two regional indicators
  ['🧑‍💻', 2], // newer ZWJ sequence
  ['中文', 4],
  ['1️⃣', 2], // keycap: an ASCII digit + U+FE0F + U+20E3
  ['e\u0301', 1], // e + combining acute
  ['👍🏽', 2], // skin tone modifier
  ['✅ Done', 7],
  ['\u200b', 0], // zero-width space
  ['abc', 3],
];

describe('textWidth', () => {
  it('measures ZWJ emoji, flags, keycaps, CJK and combining marks as string-width does', () => {
    for (const [s, w] of WIDE_SAMPLES) {
      expect(textWidth(s), JSON.stringify(s)).toBe(w);
      expect(stringWidth(s), JSON.stringify(s)).toBe(w);
    }
  });

  it('agrees with string-width on text mixing ASCII and every kind of wide or zero-width cluster', () => {
    const pieces = [
      'a',
      ' ',
      '1',
      '#',
      'e',
      '\u0301',
      '\uFE0F',
      '\u20E3',
      '\u200D',
      '👨',
      '👩',
      '👧',
      '🇫',
      '🇷',
      '中',
      'ｱ',
      '한',
      '\u1100',
      '\u1161',
      '✅',
      '⏳',
      '✔',
      '▶',
      '🏽',
      '\u0600',
      '\u{110BD}',
      '\t',
      '\r',
      '\n',
      '\x1b',
      '‚',
      'ü',
      '\uDC80',
    ];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 24 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, (s) => textWidth(s) === stringWidth(s)),
      { numRuns: 5000 },
    );
  });

  it('ignores ANSI colour codes', () => {
    expect(textWidth('\x1b[32m✔ done\x1b[39m')).toBe(6);
  });
});

describe('graphemes', () => {
  it('keeps a ZWJ sequence, a flag and a keycap whole', () => {
    expect(graphemes('a👨‍👩‍👧🇫🇷1️⃣b')).toEqual(['a', '👨‍👩‍👧', '🇫🇷', '1️⃣', 'b']);
    expect(graphemes('plain')).toEqual(['p', 'l', 'a', 'i', 'n']);
  });
});

describe('widthBounds', () => {
  it('holds textWidth between its bounds, on any text', () => {
    const pieces = [
      'a',
      ' ',
      '1',
      'e',
      '\u0301',
      '\uFE0F',
      '\u20E3',
      '\u200D',
      '👨',
      '👧',
      '🇫',
      '🇷',
      '中',
      '✅',
      '\u0600',
      '\t',
      '\uDC80',
      '\x1b',
      '[',
      '3',
      'm',
    ];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 24 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, (s) => {
        const [lo, hi] = widthBounds(s);
        return lo <= textWidth(s) && textWidth(s) <= hi;
      }),
      { numRuns: 2000 },
    );
  });
});

describe('mayBeEquallyWide', () => {
  it('rules out lines whose bounds do not meet, and never lines textWidth finds equally wide', () => {
    expect(mayBeEquallyWide(['| # | Status |', '|---|--------|', '| 1 | ✅ Complete |'])).toBe(false);
    expect(mayBeEquallyWide(['| # | Status |', '|---|--------|', '| 1 | ✅ Done |'])).toBe(true);
    expect(mayBeEquallyWide(['| a |', '\x1b[31m| a |\x1b[0m'])).toBe(true);
    const pieces = ['a', ' ', '✅', '中', '\u0301', '\x1b', '[', 'm', '|'];
    const line = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 4 }), (lines) => {
        const same = lines.every((l) => textWidth(l) === textWidth(lines[0]!));
        return !same || mayBeEquallyWide(lines);
      }),
      { numRuns: 2000 },
    );
  });
});
