import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/cache/hash.js';

describe('fingerprint', () => {
  it('changes when any byte changes, aligned or not', () => {
    const base = Buffer.alloc(4096, 'a');
    const seen = new Set([fingerprint([base])]);
    for (const at of [0, 1, 2, 3, 100, 4093, 4095]) {
      const copy = Buffer.from(base);
      copy[at] = 0x62;
      seen.add(fingerprint([copy]));
      seen.add(fingerprint([copy.subarray(1)])); // an unaligned view
    }
    expect(seen.size).toBe(15);
  });

  it('depends on where parts split and on every part', () => {
    expect(fingerprint(['ab', 'c'])).not.toBe(fingerprint(['a', 'bc']));
    expect(fingerprint([Buffer.from('x'), 'build-1'])).not.toBe(fingerprint([Buffer.from('x'), 'build-2']));
    expect(fingerprint([Buffer.from('x')])).toBe(fingerprint([Buffer.from('x')]));
  });
});
