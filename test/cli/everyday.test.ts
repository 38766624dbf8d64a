// Everyday use: a task named by its title, "did you mean" for a mistyped
// status, `plan done|start|block <id>`.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/run.js';
import { runCli } from '../helpers/cli.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const PLAN = [
  '| ID | Task | Status |',
  '|----|------|--------|',
  '| 1 | Write the README for users | pending |',
  '| 2 | Ship it | pending |',
  '| 3 | ship it | done |',
  '',
].join('\n');

function fresh(name: string): string {
  const f = join(tmp.dir, name);
  writeFileSync(f, PLAN);
  return f;
}

describe('a task named by its title', () => {
  it('exact title, case aside; a prefix of three words or more', async () => {
    const f = fresh('title.md');
    const r = await runCli(['-f', f, 'set', 'write the readme for users', 'done', '--no-touch']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(f, 'utf8')).toBe(PLAN.replace('| Write the README for users | pending |', '| Write the README for users | done |'));
    const p = await runCli(['-f', f, 'show', 'Write the README', '--json']);
    expect(JSON.parse(p.stdout).task.id).toBe('1');
  });

  it('a prefix of fewer than three words is not a name', async () => {
    const f = fresh('short.md');
    const r = await runCli(['-f', f, 'set', 'Write the', 'done']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^plan: .*: no task with id "Write the"/);
    expect(readFileSync(f, 'utf8')).toBe(PLAN);
  });

  it('ambiguous titles list the candidates, as ambiguous ids do', async () => {
    const f = fresh('ambiguous.md');
    const r = await runCli(['-f', f, 'set', 'Ship it', 'done']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `plan: ${f}: "Ship it" is the title of 2 tasks; name one by its id, or pick one with a filter flag:\n  2 line 4: Ship it  (--line 4)\n  3 line 5: ship it  (--line 5)\n`,
    );
    expect(readFileSync(f, 'utf8')).toBe(PLAN);
  });
});

describe('statuses', () => {
  it('a mistyped status: did you mean (usage, exit 2), nothing written', async () => {
    const f = fresh('typo.md');
    const r = await runCli(['-f', f, 'set', '2', 'dnoe']);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(/^plan: unknown status "dnoe"; did you mean done\? use done, in-progress/);
    expect(readFileSync(f, 'utf8')).toBe(PLAN);
  });

  it('plan done, start and block are set with that status', async () => {
    const f = fresh('short-forms.md');
    for (const [cmd, word] of [
      ['start', 'in progress'], // the file has no in-progress task: the reader's word
      ['block', 'blocked'],
      ['done', 'done'],
    ] as const) {
      const r = await runCli(['-f', f, cmd, '2', '--no-touch']);
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(readFileSync(f, 'utf8')).toBe(PLAN.replace('| 2 | Ship it | pending |', `| 2 | Ship it | ${word} |`));
    }
    const help = await runCli(['--help']);
    expect(help.stdout).toMatch(
      /\n {2}done \[options\] <id> +short for `plan set <id> done`\n {2}start \[options\] <id> +short for `plan set <id> in-progress`\n/,
    );
  });
});

describe('plan add with no scope, in a plan of several lists', () => {
  const LISTS = [
    '# Plan',
    '',
    '## Sprint 1',
    '',
    '| ID | Task | Status |',
    '|----|------|--------|',
    '| 1 | Alpha | done |',
    '',
    '## Sprint 2',
    '',
    '| ID | Task | Status |',
    '|----|------|--------|',
    '| 2 | Beta | pending |',
    '',
    '## Sprint 3',
    '',
    '| ID | Task | Status |',
    '|----|------|--------|',
    '| 3 | Gamma | in progress |',
    '| 4 | Delta | pending |',
    '',
  ].join('\n');

  it('goes to the table of the tasks in progress, and says where on stderr', async () => {
    const f = join(tmp.dir, 'lists.md');
    writeFileSync(f, LISTS);
    const r = await runCli(['-f', f, 'add', 'Epsilon', '--no-touch']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`plan: ${f}: no scope given: added to the table of the current work, Plan > Sprint 3 (line 17)\n`);
    expect(readFileSync(f, 'utf8')).toBe(LISTS.replace('| 4 | Delta | pending |\n', '| 4 | Delta | pending |\n| 5 | Epsilon | pending |\n'));
  });

  it('with nothing in progress, the first table with open tasks', async () => {
    const f = join(tmp.dir, 'lists-open.md');
    const text = LISTS.replace('| 3 | Gamma | in progress |', '| 3 | Gamma | pending |');
    writeFileSync(f, text);
    const r = await runCli(['-f', f, 'add', 'Epsilon', '--no-touch']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/added to the table of the current work, Plan > Sprint 2 \(line 11\)\n$/);
    expect(readFileSync(f, 'utf8')).toBe(text.replace('| 2 | Beta | pending |\n', '| 2 | Beta | pending |\n| 5 | Epsilon | pending |\n'));
  });
});
