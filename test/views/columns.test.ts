// The borderless columns of the terminal views: cli-table3 draws them from
// our widths and line breaks, byte for byte as they were padded by hand; rows
// it would measure otherwise (string-width 4 against our 8) are padded by hand.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { rowLines, rowLinesByHand, type Cell } from '../../src/render/columns.js';
import { chalk } from '../../src/render/colour.js';
import { textWidth } from '../../src/text/width.js';

// Words of every kind a plan holds: ASCII, CJK, emoji (ZWJ, flags, keycaps, skin tones),
// accents written both ways, and the text string-width 4 measures otherwise than 8
// (Devanagari and Thai marks, a zero-width space, a variation selector after a narrow
// character, a lone regional indicator, a hexagram).
const WORDS = [
  'Review',
  'and',
  'approve',
  'implementation',
  'FREE-AI-PROVIDERS-GUIDE.md',
  'a',
  '—',
  '✔',
  '▶',
  '(🔄 Next)',
  '日本語のタイトル',
  '한국어',
  '中文',
  '👨‍👩‍👧',
  '🇫🇷🇯🇵',
  '1️⃣',
  '👍🏽',
  'café',
  'cafe\u0301',
  'مرحبا',
  'नमस्ते',
  'ก่อน',
  'zero\u200bwidth',
  'x\uFE0F',
  '🇫',
  '䷀',
  'soft\u00adhyphen',
];

const text = fc.array(fc.constantFrom(...WORDS), { maxLength: 8 }).map((ws) => ws.join(' '));
const paints = [undefined, chalk.dim, chalk.green, chalk.bold, (s: string) => chalk.bold(s.slice(0, 2)) + s.slice(2)];
const cell = fc.record({
  text,
  paint: fc.integer({ min: 0, max: paints.length - 1 }).map((i) => paints[i]),
  maxLines: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
});

let level: typeof chalk.level;
beforeEach(() => {
  level = chalk.level;
});
afterEach(() => {
  chalk.level = level;
});

describe('rowLines', () => {
  for (const colour of [0, 1] as const) {
    it(`draws every row as it was padded by hand (${colour ? 'colour' : 'no colour'})`, () => {
      chalk.level = colour;
      fc.assert(
        fc.property(fc.array(fc.tuple(cell, fc.integer({ min: 1, max: 30 })), { minLength: 1, maxLength: 5 }), (row) => {
          const cells: Cell[] = row.map(([c]) => c);
          const widths = row.map(([, w]) => w);
          expect(rowLines(cells, widths)).toEqual(rowLinesByHand(cells, widths));
        }),
        { numRuns: 400 },
      );
    });
  }

  it('keeps columns aligned where string-width 4 measures otherwise (Devanagari marks, U+200B)', () => {
    const cells: Cell[] = [{ text: 'नमस्ते' }, { text: 'zero\u200bwidth' }, { text: 'end' }];
    const [line] = rowLines(cells, [8, 12, 3]);
    expect(line).toBe(`नमस्ते${' '.repeat(5)}  zero\u200bwidth${' '.repeat(3)}  end`);
    expect(textWidth(line!)).toBe(8 + 2 + 12 + 2 + 3);
  });

  it('cli-table3 measures every word as we do (our textWidth in its place, in the bundle and from source)', () => {
    const { strlen } = createRequire(import.meta.url)('cli-table3/src/utils.js') as { strlen: (s: string) => number };
    for (const w of WORDS) expect(strlen(w), w).toBe(textWidth(w));
  });

  it('keeps a 2-column emoji whole in a 1-column cell, where cli-table3 would cut it to …', () => {
    expect(rowLines([{ text: '🔄' }, { text: 'x' }], [1, 1])).toEqual(['🔄  x']);
  });

  it('gives an empty row one empty line, and pads shorter cells to the row height', () => {
    expect(rowLines([{ text: '' }, { text: '' }], [3, 3])).toEqual(['']);
    expect(rowLines([{ text: '1' }, { text: 'aaa bbb' }, { text: 'c' }], [2, 3, 1])).toEqual(['1   aaa  c', '    bbb']);
  });
});
