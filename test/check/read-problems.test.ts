import { describe, expect, it } from 'vitest';
import { checkReadProblems } from '../../src/check/read-problems.js';
import { runChecks } from '../../src/check/index.js';
import { brief, input } from './helpers.js';

describe('check: front matter', () => {
  it('says YAML nested past what the parser can follow nests too deeply, not what the engine says', async () => {
    const deep = `---\na: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n---\n# Plan\n- [ ] one\n`;
    const problems = checkReadProblems(await input(deep));
    expect(problems.map((p) => [p.code, p.line])).toEqual([['front-matter-yaml', 1]]);
    expect(problems[0]!.message).toMatch(/^invalid YAML front matter: it nests too deeply; fix the YAML/);
    expect(problems[0]!.message).not.toMatch(/call stack/i);
  });

  it('reports invalid YAML as an error at its line, with how to mend it', async () => {
    const problems = checkReadProblems(await input('---\ntitle: a\nbad: [unclosed\n---\n# Plan\n'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', code: 'front-matter-yaml' });
    expect(problems[0]!.message).toMatch(/^invalid YAML front matter: .*; fix the YAML between the `---` lines/);
  });

  it('reports front matter in another language without evaluating it', async () => {
    const problems = checkReadProblems(await input('---js\n{ a: 1 }\n---\n# Plan\n'));
    expect(brief(problems)).toEqual(['1:1 error front-matter-language']);
    expect(problems[0]!.message).toContain('write the front matter as a YAML mapping');
  });

  it('warns about a status map entry that names no status', async () => {
    const problems = checkReadProblems(await input('---\nplan:\n  statuses:\n    Shipped: finished-ish\n---\n# Plan\n'));
    expect(brief(problems)).toEqual(['1:1 warning status-map']);
  });
});

describe('runChecks', () => {
  it('runs every check and sorts by line and column', async () => {
    const text = '---\nchars_limit: 10\n---\n| Task | Status |\n|---|---|\n| A | ‚úÖ |\n| B | Someday |\n';
    expect(brief(runChecks(await input(text)))).toEqual([
      '4:1 warning no-id-column',
      '4:11 error chars-limit',
      '6:7 error mojibake',
      '7:7 warning unknown-status',
    ]);
  });
});
