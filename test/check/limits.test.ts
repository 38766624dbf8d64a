import { describe, expect, it } from 'vitest';
import { checkCharsLimit } from '../../src/check/limits.js';
import { brief, input } from './helpers.js';

describe('check: chars_limit', () => {
  const front = (limit: number) => `---\nblock:\n  chars_limit: ${limit}\n---\n`;

  it('is an error when the body has more code points than the limit, pointing where the limit is passed', async () => {
    // Body: "\n# Plan ✅\n" + 10 × "🚀" = 10 + 10 code points (30 UTF-16 units).
    const text = `${front(15)}\n# Plan ✅\n${'🚀'.repeat(10)}\n`;
    const problems = checkCharsLimit(await input(text));
    expect(brief(problems)).toEqual(['7:6 error chars-limit']);
    expect(problems[0]!.message).toMatch(/^the body is 21 characters, 6 over chars_limit 15 /);
  });

  it('counts code points, so emoji count once', async () => {
    expect(checkCharsLimit(await input(`${front(21)}\n# Plan ✅\n${'🚀'.repeat(10)}\n`))).toEqual([]);
  });

  it('says nothing without a limit', async () => {
    expect(checkCharsLimit(await input('# Plan\n'.repeat(100)))).toEqual([]);
  });
});
