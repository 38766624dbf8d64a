// The one line index: offsets ↔ lines and columns, line starts and ends.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LineIndex, lineEndAt, lineOf, lineStartAt } from '../../src/text/lines.js';

/** Every line's [start, end) as `split` sees it, with the `\r` of a `\r\n` (or of the text's end) left out. */
function reference(text: string): [number, number][] {
  const out: [number, number][] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    out.push([at, at + line.length - (line.endsWith('\r') ? 1 : 0)]);
    at += line.length + 1;
  }
  return out;
}

describe('LineIndex', () => {
  it('maps the offsets at line starts and ends to their lines', () => {
    const text = 'ab\ncd\n\nef';
    const index = new LineIndex(text);
    expect(index.count).toBe(4);
    expect([0, 1, 2].map((o) => index.line(o))).toEqual([1, 1, 1]); // `a`, `b`, the `\n` ending line 1
    expect([3, 5].map((o) => index.line(o))).toEqual([2, 2]);
    expect(index.line(6)).toBe(3); // the empty line
    expect([7, 8, 9].map((o) => index.line(o))).toEqual([4, 4, 4]); // the end of the text is on the last line
    expect([1, 2, 3, 4].map((l) => [index.lineStart(l), index.lineEnd(l)])).toEqual([
      [0, 2],
      [3, 5],
      [6, 6],
      [7, 9],
    ]);
  });

  it('leaves the \\r of a \\r\\n out of the line', () => {
    const text = 'ab\r\ncd\r\n';
    const index = new LineIndex(text);
    expect(index.count).toBe(3);
    expect([index.lineEnd(1), index.lineEnd(2), index.lineEnd(3)]).toEqual([2, 6, 8]);
    expect([index.line(2), index.line(3), index.line(4)]).toEqual([1, 1, 2]);
    expect(index.lineStart(3)).toBe(8);
  });

  it('reads a last line without a line break, and a \\r ending the text', () => {
    expect(new LineIndex('a\nlast').lineEnd(2)).toBe(6);
    expect(new LineIndex('a\nlast\r').lineEnd(2)).toBe(6);
    expect(new LineIndex('a\r').lineEnd(1)).toBe(1);
  });

  it('has one empty line in an empty text', () => {
    const index = new LineIndex('');
    expect(index.count).toBe(1);
    expect([index.line(0), index.lineStart(1), index.lineEnd(1), index.column(0)]).toEqual([1, 0, 0, 1]);
  });

  it('counts columns in code points', () => {
    const text = 'x\n😀a\uD800b';
    const index = new LineIndex(text);
    expect(index.at(2)).toEqual({ line: 2, column: 1 });
    expect(index.at(4)).toEqual({ line: 2, column: 2 }); // after the surrogate pair
    expect(index.column(5)).toBe(3);
    expect(index.column(6)).toBe(4); // a lone high surrogate is a column of its own
  });

  it('agrees with splitting the text, at every offset', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'é', '😀', ' ', '\n', '\r\n', '\r'), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const index = new LineIndex(text);
        const lines = reference(text);
        expect(index.count).toBe(lines.length);
        lines.forEach(([start, end], i) => {
          expect([index.lineStart(i + 1), index.lineEnd(i + 1)]).toEqual([start, end]);
        });
        for (let o = 0; o <= text.length; o++) {
          const line = lines.filter(([start]) => start <= o).length;
          expect(index.line(o)).toBe(line);
          expect(lineOf(text, o)).toBe(line);
          expect(index.column(o)).toBe([...text.slice(lines[line - 1]![0], o)].length + 1);
          expect(lineStartAt(text, o)).toBe(lines[line - 1]![0]);
        }
      }),
    );
  });
});

describe('lineEndAt', () => {
  it('stops before the line break that ends the line holding the offset', () => {
    const text = 'ab\r\ncd\nef';
    expect([0, 2, 3].map((o) => lineEndAt(text, o))).toEqual([2, 2, 2]);
    expect(lineEndAt(text, 4)).toBe(6);
    expect(lineEndAt(text, 7)).toBe(9);
    expect(lineEndAt('', 0)).toBe(0);
  });
});
