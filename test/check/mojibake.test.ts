import { describe, expect, it } from 'vitest';
import { checkMojibake } from '../../src/check/mojibake.js';
import { brief, input } from './helpers.js';

describe('check: damaged text', () => {
  it('reports each damaged run with what it should read, as an error', async () => {
    const text = '# Plan\n\n| # | Task | Status |\n|---|---|---|\n| 1 | Café | ‚úÖ Done |\n| 2 | Dash | â€” then ⏳ |\n';
    const problems = checkMojibake(await input(text));
    expect(brief(problems)).toEqual(['5:14 error mojibake', '6:14 error mojibake']);
    expect(problems[0]!.message).toBe('damaged text "‚úÖ" should read "✅" (UTF-8 read as Mac Roman); run `plan fix`');
    expect(problems[1]!.message).toContain('"â€”" should read "—" (UTF-8 read as Windows-1252)');
  });

  it('counts columns in characters, not UTF-16 units', async () => {
    const problems = checkMojibake(await input('- [ ] 🚀 launch â€” soon\n'));
    expect(brief(problems)).toEqual(['1:16 error mojibake']);
  });

  it('finds nothing in correct text', async () => {
    expect(checkMojibake(await input('# Café ✅ — naïve 日本語\n\n- [x] 1.1 Done ✅\n'))).toEqual([]);
  });
});
