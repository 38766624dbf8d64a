// End-to-end: a file of 10,000 nested `>` through the built binary: every read
// command takes it, with the warning, and check reports it. The shapes of deep
// nesting, read and written in-process, are in test/cli/deep-nesting.test.ts.
import { describe, expect, it } from 'vitest';
import { plan, writeTemp } from '../helpers/run.js';
import { SHAPES, TABLE, warning } from '../helpers/deep-nesting.js';

describe('deep nesting', () => {
  it('every read command takes a file of 10,000 nested `>`, with the warning; check reports it', () => {
    const f = writeTemp(TABLE + SHAPES[1]![1], 'deep.md');
    const file = f.file;
    try {
      for (const args of [['show', '1'], ['next'], ['summary'], ['board'], ['list', '--json']]) {
        const r = plan(['-f', file, ...args]);
        expect(r.stderr, args.join(' ')).toBe(warning(file, [7]));
        expect(r.code, args.join(' ')).toBe(0);
      }
      const check = plan(['-f', file, 'check']);
      expect(check.stdout).toContain(`${file}:7:1 warning this line nests block quotes`);
      expect(check.code).toBe(0);
    } finally {
      f.cleanup();
    }
  }, 120_000);
});
