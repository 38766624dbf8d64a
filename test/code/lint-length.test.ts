// `npm run lint` fails on a function of more than 80 lines in src/ (ESLint's
// max-lines-per-function): this proves the configuration catches one, so the
// limit cannot silently stop holding.

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

async function rulesHit(code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: process.cwd() });
  const [result] = await eslint.lintText(code, { filePath: 'src/lint-probe.ts' });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

const fn = (lines: number) => `export function f(): number {\n  let n = 0;\n${'  n++;\n'.repeat(lines - 4)}  return n;\n}\n`;

describe('the function-length lint', () => {
  it('fails on a function of 81 lines and passes one of 80', async () => {
    expect(await rulesHit(fn(81))).toContain('max-lines-per-function');
    expect(await rulesHit(fn(80))).toEqual([]);
  });
});
