// The nesting guard in front of the parsers (src/parse/depth.ts).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lineNesting, maskDeepNesting, MAX_NESTING } from '../../src/parse/depth.js';

const nesting = (line: string) => lineNesting(line, 0, line.length);

describe('lineNesting', () => {
  it('counts quotes, list markers, footnote labels and indentation (two columns a level)', () => {
    expect(nesting('plain text')).toBe(0);
    expect(nesting('> > quote')).toBe(2);
    expect(nesting('>>> quote')).toBe(3);
    expect(nesting('- * + 1. 2) item')).toBe(5);
    expect(nesting('[^a]: [^b]: note')).toBe(2);
    expect(nesting('    - item')).toBe(3);
    expect(nesting('\t\t- item')).toBe(5);
    expect(nesting('**bold** - not a marker')).toBe(0);
    expect(nesting('1234567890. too long a number')).toBe(0);
  });

  it('gives a blank line, however long, no depth', () => {
    expect(nesting(' '.repeat(10000))).toBe(0);
    expect(nesting(`${'> '.repeat(3)}${' '.repeat(500)}`)).toBe(3);
  });
});

describe('maskDeepNesting', () => {
  it('blanks only the lines past the limit, keeping length and line breaks', () => {
    const deep = `${'>'.repeat(MAX_NESTING + 1)} x`;
    const text = `# Plan\r\n${deep}\r\n${'>'.repeat(MAX_NESTING)} kept\n| 1 | a |\n`;
    const { text: masked, lines } = maskDeepNesting(text);
    expect(lines).toEqual([2]);
    expect(masked).toBe(`# Plan\r\n${' '.repeat(deep.length)}\r\n${'>'.repeat(MAX_NESTING)} kept\n| 1 | a |\n`);
  });

  it('returns the very same text when nothing is too deep', () => {
    const text = '# Plan\n\n- a\n  - b\n';
    expect(maskDeepNesting(text).text).toBe(text);
  });

  it('keeps every offset: the masked text has the same length and the same line breaks', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('> ', '- ', '  ', '\t', 'x', '\n', '\r\n', '[^a]: ', '1. '), { maxLength: 400 }), (parts) => {
        const text = parts.join('');
        const masked = maskDeepNesting(text).text;
        expect(masked.length).toBe(text.length);
        expect([...masked].map((c, i) => (c === '\n' || c === '\r' ? i : -1)).filter((i) => i >= 0)).toEqual(
          [...text].map((c, i) => (c === '\n' || c === '\r' ? i : -1)).filter((i) => i >= 0),
        );
      }),
    );
  });
});
