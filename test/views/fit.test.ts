// Cutting and wrapping text to a display width, between grapheme clusters.
import { describe, expect, it } from 'vitest';
import { cut, wrap, wrapLines, wrapMessage } from '../../src/render/fit.js';
import { textWidth } from '../../src/text/width.js';

describe('wrap', () => {
  it('breaks at spaces, never exceeding the width', () => {
    expect(wrap('Review and approve for implementation', 16)).toEqual(['Review and', 'approve for', 'implementation']);
  });

  it('hangs continuation lines under a narrower width', () => {
    expect(wrap('aaa bbb ccc ddd', 7, 5)).toEqual(['aaa bbb', 'ccc', 'ddd']);
    expect(wrap('aaa bbb ccc ddd', 7)).toEqual(['aaa bbb', 'ccc ddd']);
  });

  it('breaks a word longer than a line, filling the line it reaches first', () => {
    expect(wrap('6 FREE-AI-PROVIDERS-GUIDE.md', 10)).toEqual(['6 FREE-AI-', 'PROVIDERS-', 'GUIDE.md']);
  });

  it('never splits a ZWJ emoji, a flag or a CJK character', () => {
    const lines = wrap('👨‍👩‍👧🇫🇷日本語のタイトル', 5);
    expect(lines).toEqual(['👨‍👩‍👧🇫🇷', '日本', '語の', 'タイ', 'トル']);
    for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(5);
  });

  it('gives one empty line for empty text', () => {
    expect(wrap('', 10)).toEqual(['']);
  });
});

describe('wrapLines', () => {
  it('keeps at most n lines, the last ending in …', () => {
    expect(wrapLines('Cognitive enhancements CE-001–CE-006', 16, 2)).toEqual(['Cognitive', 'enhancements CE…']);
  });
});

describe('cut', () => {
  it('cuts between clusters and ends in …', () => {
    expect(cut('🇫🇷🇯🇵🇺🇦', 5)).toBe('🇫🇷🇯🇵…');
    expect(cut('short', 10)).toBe('short');
  });
});

describe('wrapMessage', () => {
  it('wraps each line at spaces to the width, keeping its indentation; short lines stay as they are', () => {
    const msg =
      'plan: plan.md: id "3" matches 2 tasks; pick one with a filter flag:\n  3 line 7: Write the release notes for the cancelled sprint  (--sprint 1)\n  3 line 9: Beta';
    const out = wrapMessage(msg, 40);
    for (const line of out.split('\n')) expect(textWidth(line)).toBeLessThanOrEqual(40);
    expect(out.split(/\s+/)).toEqual(msg.split(/\s+/));
    expect(out).toContain('\n  3 line 9: Beta');
    expect(out).toContain('cancelled');
    expect(wrapMessage('plan: short', 40)).toBe('plan: short');
  });
});
