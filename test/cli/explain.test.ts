// `plan show --explain`, `plan check` on tables plan had to guess about, and bad
// `read` settings: in-process runs on a plan with a .planrc.json beside it.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/run.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;

function folder(markdown: string, rc?: unknown): string {
  const dir = join(tmp.dir, `p${n++}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'plan.md'), markdown);
  if (rc !== undefined) writeFileSync(join(dir, '.planrc.json'), typeof rc === 'string' ? rc : JSON.stringify(rc));
  return dir;
}

const PLAN = [
  '# Plan',
  '',
  '| Area | Detail | State |',
  '|---|---|---|',
  '| Billing | Fix the refunds page | ✅ Done |',
  '',
  '- [x] T-1 Build the form',
  '',
].join('\n');
const RC = { read: { columns: { Detail: 'title', Area: 'ignore' }, ids: '^T-\\d+$' } };

describe('plan show --explain', () => {
  it('says, piped, where each field of a row came from: the setting, the header word, the status words', async () => {
    const cwd = folder(PLAN, RC);
    const list = await runCli(['list', '--json'], { cwd });
    const id = JSON.parse(list.stdout).tasks[0].id as string;
    const r = await runCli(['show', id, '--explain'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const tail = r.stdout.slice(r.stdout.indexOf('read from'));
    expect(tail).toBe(
      [
        'read from\ta row of the table at line 3 (line 5)',
        'id from\tthe title and group: derived, no id in the file: a reference derived from the title and group',
        'title from\tcolumn 2 "Detail": config, read.columns "Detail": "title" in .planrc.json',
        'status from\tcolumn 3 "State": header word, "state" names the status',
        'ignored from\tcolumn 1 "Area": config, read.columns "Area": "ignore" in .planrc.json',
        'status words\t"✅ Done" read as done',
        '',
      ].join('\n'),
    );
    // Without --explain, none of it.
    expect((await runCli(['show', id], { cwd })).stdout).not.toContain('read from');
  });

  it('says it on a terminal, as fields of the task view', async () => {
    const cwd = folder(PLAN, RC);
    const r = await runCli(['show', 'T-1', '--explain'], { cwd, isTTY: true, columns: 120 });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/read from\s+a list item \(line 7\)/);
    expect(r.stdout).toMatch(/status from\s+the checkbox: text, \[x\]: done/);
    expect(r.stdout).toMatch(/status words\s+"\[x\]" read as done/);
  });

  it('gives the same as an explain object with --json', async () => {
    const cwd = folder(PLAN, RC);
    const list = JSON.parse((await runCli(['list', '--json'], { cwd })).stdout);
    const r = await runCli(['show', list.tasks[0].id, '--explain', '--json'], { cwd });
    const out = JSON.parse(r.stdout);
    expect(out.explain.block).toEqual({ type: 'row', line: 5, table: 3 });
    expect(out.explain.fields).toContainEqual({
      field: 'title',
      from: 'column 2 "Detail"',
      line: 5,
      by: 'config',
      detail: 'read.columns "Detail": "title" in .planrc.json',
    });
    expect(out.explain.status).toEqual({ text: '✅ Done', reads: 'done', words: '✅ Done' });
    expect(JSON.parse((await runCli(['show', list.tasks[0].id, '--json'], { cwd })).stdout)).not.toHaveProperty('explain');
  });
});

describe('plan check on a table plan had to guess about', () => {
  const guessed = ['| Area | Detail | Where |', '|---|---|---|', '| Billing | Fix the refunds page | ✅ |', '| Search | Index the archive | ⏳ |', ''].join(
    '\n',
  );

  it('says what the cells decided and the .planrc.json line that decides otherwise; nothing once the settings say', async () => {
    const r = await runCli(['check'], { cwd: folder(guessed) });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'plan.md:1:1 info no header of this table names a column plan knows, so its cells decided: "Area" as the title, "Where" as the status; ' +
        'to decide otherwise, say each column\'s role in .planrc.json ("read":{"columns":{"Area":"title","Where":"status"}}) or in the front matter (plan: read: columns:)',
    );
    const settled = await runCli(['check'], { cwd: folder(guessed, { read: { columns: { Detail: 'title', Where: 'status' } } }) });
    expect(settled.stdout).not.toContain('info no header');
  });
});

describe('bad read settings', () => {
  it('are a one-line usage error naming the file and key (exit 2)', async () => {
    const r = await runCli(['list'], { cwd: folder(PLAN, { read: { ids: '^(\\w+)*$' } }) });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^plan: \.planrc\.json: read\.ids "\^\(\\\\w\+\)\*\$" repeats a group [^\n]*; fix or remove it\n$/);
    const fm = await runCli(['check'], { cwd: folder(`---\nplan:\n  read:\n    skip: 3\n---\n${PLAN}`) });
    expect(fm.code).toBe(2);
    expect(fm.stderr).toBe('plan: plan.md: front matter plan.read.skip must be a list of heading texts (["## Impediments"]); fix or remove it\n');
  });
});
