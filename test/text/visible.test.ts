// The one function that makes a file's text safe for the terminal.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonVisible, visible, visibleField, withoutStyle } from '../../src/text/visible.js';

const RAW = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('visible', () => {
  it('writes controls and bidi characters as escapes, keeping line breaks and tabs', () => {
    expect(visible('a\x1b]0;t\x07b\tc\nd\r\u009b\u202e\u2066\x7f\x00')).toBe('a\\x1b]0;t\\x07b\tc\nd\\r\\x9b\\u202e\\u2066\\x7f\\x00');
  });

  it('leaves ordinary text, emoji and joiners alone (the same string)', () => {
    const s = '✅ Done — café 👨‍👩‍👧 日本語 ⏳';
    expect(visible(s)).toBe(s);
    expect(visibleField(s)).toBe(s);
  });

  it('keeps colour sequences only when asked, and nothing else', () => {
    expect(visible('\x1b[32mok\x1b[39m \x1b[2J', true)).toBe('\x1b[32mok\x1b[39m \\x1b[2J');
    expect(visible('\x1b[32mok\x1b[39m')).toBe('\\x1b[32mok\\x1b[39m');
  });

  it('escapes tabs and line breaks inside one field', () => {
    expect(visibleField('a\tb\nc')).toBe('a\\tb\\nc');
  });

  it('never lets a raw control through, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(visible(s).replace(/[\t\n]/g, '')).not.toMatch(RAW);
        expect(visibleField(s)).not.toMatch(RAW);
        expect(visible(visible(s))).toBe(visible(s));
      }),
    );
  });
});

describe('jsonVisible', () => {
  it('escapes C1 and bidi characters in JSON text without changing the value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (v, s) => {
        const json = jsonVisible(JSON.stringify({ v, s }, null, 2));
        expect(json).not.toMatch(RAW);
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify({ v, s })));
      }),
    );
  });
});

describe('withoutStyle', () => {
  it('drops colour sequences', () => {
    expect(withoutStyle('at node (\x1b[33mlistItem\x1b[39m)')).toBe('at node (listItem)');
  });
});
