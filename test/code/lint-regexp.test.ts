// `npm run lint` runs ESLint over src/ for one job: regular expressions that backtrack
// super-linearly on file text. This proves the configuration catches one (and passes
// its linear rewrite), so the lint cannot silently stop checking.

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

async function rulesHit(code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: process.cwd() });
  const [result] = await eslint.lintText(code, { filePath: 'src/lint-probe.ts' });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('the regular-expression lint', () => {
  it('fails on an expression that backtracks quadratically on a run of spaces', async () => {
    expect(await rulesHit("export const f = (s: string) => s.replace(/\\s*\\([^()]*\\)\\s*$/u, '');\n")).toContain('regexp/no-super-linear-move');
    expect(await rulesHit('export const g = (s: string) => /^a\\s*:?\\s*b/.test(s);\n')).toContain('regexp/no-super-linear-backtracking');
  });

  it('passes the same expressions written to be linear', async () => {
    expect(await rulesHit("export const f = (s: string) => s.replace(/(?<!\\s)\\s*\\([^()]*\\)\\s*$/u, '');\n")).toEqual([]);
    expect(await rulesHit('export const g = (s: string) => /^a\\s*(?::\\s*)?b/.test(s);\n')).toEqual([]);
  });
});
