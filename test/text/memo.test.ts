// remembered: a bounded memory of a pure function of a short text.
import { describe, expect, it } from 'vitest';
import { remembered } from '../../src/text/memo.js';

describe('remembered', () => {
  it('works each short text out once, and gives what the function gives', () => {
    const seen: string[] = [];
    const upper = remembered((s: string) => {
      seen.push(s);
      return s.toUpperCase();
    });
    expect([upper('a'), upper('b'), upper('a'), upper('')]).toEqual(['A', 'B', 'A', '']);
    expect(seen).toEqual(['a', 'b', '']);
  });

  it('remembers an undefined answer too', () => {
    let calls = 0;
    const none = remembered((_s: string) => {
      calls++;
      return undefined;
    });
    none('x');
    none('x');
    expect(calls).toBe(1);
  });

  it('keeps at most `size` texts, then starts again', () => {
    const seen: string[] = [];
    const same = remembered((s: string) => {
      seen.push(s);
      return s;
    }, 2);
    for (const s of ['a', 'b', 'c', 'a', 'c']) same(s);
    // `c` found the memory full (a, b): it started again with c, then a was worked out again and c was kept.
    expect(seen).toEqual(['a', 'b', 'c', 'a']);
  });

  it('works a long text out every time (long texts seldom repeat, and keying them costs)', () => {
    let calls = 0;
    const long = 'x'.repeat(501);
    const f = remembered((s: string) => {
      calls++;
      return s.length;
    });
    expect([f(long), f(long)]).toEqual([501, 501]);
    expect(calls).toBe(2);
  });
});
