// Where the status is the place (a board: `## Todo` / `## In Progress` /
// `## Done` sections of lists, or of tables without a Status column), `set`
// moves the task's item (with its nested lines) or row to the end of its new
// status's section, as a person dragging a card would: those lines leave one
// section and join the other, no other byte changes. In process, exact bytes.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/run.js';
import { setStatus, claimTask } from '../../src/mcp/write-tools.js';
import type { ToolEnv } from '../../src/mcp/tool.js';
import { loadPlan } from '../../src/load/load.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;

function planFile(text: string): string {
  const path = join(tmp.dir, `board-${n++}.md`);
  writeFileSync(path, text);
  return path;
}

const BOARD = [
  '# Board',
  '',
  '## Todo',
  '- Write the parser',
  '- Add tests',
  '',
  '## In Progress',
  '- Design the model',
  '',
  '## Done',
  '- Set up the repo',
  '',
].join('\n');

/** BOARD after `Write the parser` is set done. */
const DONE = BOARD.replace('- Write the parser\n', '').replace('- Set up the repo\n', '- Set up the repo\n- Write the parser\n');

/** The id `plan list` gives the task titled `title`. */
async function idOf(path: string, title: string): Promise<string> {
  const r = await runCli(['-f', path, '--json', 'list']);
  const t = (JSON.parse(r.stdout) as { tasks: { id: string; title: string }[] }).tasks.find((x) => x.title === title);
  if (!t) throw new Error(`no task ${title}`);
  return t.id;
}

async function set(path: string, title: string, to: string, ...more: string[]) {
  return runCli(['-f', path, 'set', await idOf(path, title), to, ...more]);
}

describe('set on a board moves the task to its new status section', () => {
  it('an item goes to the end of the Done list; the new reference is printed and resolves; undo restores the bytes', async () => {
    const path = planFile(BOARD);
    const r = await set(path, 'Write the parser', 'done');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(readFileSync(path, 'utf8')).toBe(DONE);
    const id = await idOf(path, 'Write the parser');
    expect(r.stdout.startsWith('id\tchange\tfile\tline\n')).toBe(true);
    expect(r.stdout).toContain(`${id}\tpending → done, moved from "Todo" to "Done" (was @5ab82)\t`);
    const shown = await runCli(['-f', path, '--json', 'show', id]);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ task: { title: 'Write the parser', status: 'done', line: 11 } });
    const u = await runCli(['-f', path, 'undo']);
    expect(u.code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(BOARD);
  });

  it('nested lines and continuation lines move with the item; the target list keeps its bullet', async () => {
    const text = [
      '# B',
      '',
      '## Todo',
      '',
      '- Write the parser',
      '  - read headings',
      '',
      '    and tables',
      '- Add tests',
      '',
      '## Done',
      '',
      '* Set up the repo',
      '',
    ].join('\n');
    const path = planFile(text);
    expect((await set(path, 'Write the parser', 'done')).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(
      [
        '# B',
        '',
        '## Todo',
        '',
        '- Add tests',
        '',
        '## Done',
        '',
        '* Set up the repo',
        '* Write the parser',
        '  - read headings',
        '',
        '    and tables',
        '',
      ].join('\n'),
    );
  });

  it('a checkbox follows the lane: [x] in Done, [ ] back in Todo', async () => {
    const text = ['# B', '', '## Todo', '- [ ] Write the parser', '- [ ] Add tests', '', '## Done', '- [x] Set up the repo', ''].join('\n');
    const path = planFile(text);
    expect((await set(path, 'Write the parser', 'done')).code).toBe(0);
    const done = ['# B', '', '## Todo', '- [ ] Add tests', '', '## Done', '- [x] Set up the repo', '- [x] Write the parser', ''].join('\n');
    expect(readFileSync(path, 'utf8')).toBe(done);
    expect((await set(path, 'Set up the repo', 'pending')).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(
      ['# B', '', '## Todo', '- [ ] Add tests', '- [ ] Set up the repo', '', '## Done', '- [x] Write the parser', ''].join('\n'),
    );
  });

  it('a status mark the item carries is updated so it does not contradict its lane', async () => {
    const text = ['# B', '', '## Todo', '- Add tests', '', '## Done', '- ✅ Set up the repo', '- ✅ Write the parser', ''].join('\n');
    const path = planFile(text);
    const r = await set(path, 'Set up the repo', 'pending');
    expect(r.code).toBe(0);
    const now = readFileSync(path, 'utf8');
    expect(now).toBe(['# B', '', '## Todo', '- Add tests', '- ⏳ Set up the repo', '', '## Done', '- ✅ Write the parser', ''].join('\n'));
  });

  it('an empty lane gets a new list right after its heading, spaced as the other sections are', async () => {
    const text = ['# B', '', '## Todo', '', '- Write the parser', '', '## In Progress', '', '## Done', '', '- Set up', ''].join('\n');
    const path = planFile(text);
    expect((await set(path, 'Write the parser', 'in-progress')).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(
      ['# B', '', '## Todo', '', '## In Progress', '', '- Write the parser', '', '## Done', '', '- Set up', ''].join('\n'),
    );
  });

  it('loose lists stay loose: the blank line goes with the item', async () => {
    const text = ['# B', '', '## Todo', '', '- Write the parser', '', '- Add tests', '', '## Done', '', '- Set up', '', '- Ship', ''].join('\n');
    const path = planFile(text);
    expect((await set(path, 'Write the parser', 'done')).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(
      ['# B', '', '## Todo', '', '- Add tests', '', '## Done', '', '- Set up', '', '- Ship', '', '- Write the parser', ''].join('\n'),
    );
  });

  it('an item last in its list, before a paragraph and another list, leaves the paragraph apart', async () => {
    const text = [
      '# B',
      '',
      '## Backlog',
      '',
      '**Content:**',
      '- [ ] RSS feed',
      '- [ ] Search',
      '',
      '**Social:**',
      '- [ ] Federation',
      '',
      '## Done',
      '',
      '- [x] Setup',
      '',
    ].join('\n');
    const path = planFile(text);
    const r = await set(path, 'Search', 'done');
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(
      [
        '# B',
        '',
        '## Backlog',
        '',
        '**Content:**',
        '- [ ] RSS feed',
        '',
        '**Social:**',
        '- [ ] Federation',
        '',
        '## Done',
        '',
        '- [x] Setup',
        '- [x] Search',
        '',
      ].join('\n'),
    );
  });

  it('CRLF line breaks, and a last line with no line break, are kept', async () => {
    const text = ['# B', '', '## Todo', '- Write the parser', '- Add tests', '', '## Done', '- Set up'].join('\r\n');
    const path = planFile(text);
    expect((await set(path, 'Add tests', 'done')).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(['# B', '', '## Todo', '- Write the parser', '', '## Done', '- Set up', '- Add tests'].join('\r\n'));
    expect((await set(path, 'Add tests', 'pending')).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it("lanes in the file's own language, as the reader reads them", async () => {
    const text = ['# Tablero', '', '## Pendiente', '- Escribir el parser', '', '## En curso', '- Diseñar', '', '## Hecho', '- Preparar', ''].join('\n');
    const path = planFile(text);
    expect((await set(path, 'Escribir el parser', 'in-progress')).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(
      ['# Tablero', '', '## Pendiente', '', '## En curso', '- Diseñar', '- Escribir el parser', '', '## Hecho', '- Preparar', ''].join('\n'),
    );
  });

  it('a row of a table without a Status column moves to the end of the table with the same columns', async () => {
    const table = (rows: string[]) => ['| Task | Owner |', '|---|---|', ...rows.map((r) => `| ${r} |`)];
    const text = ['# B', '', '## To Do', '', ...table(['Write parser | ana', 'Add tests | bo']), '', '## Done', '', ...table(['Setup | cy']), ''].join('\n');
    const path = planFile(text);
    const r = await set(path, 'Write parser', 'done');
    expect(r.code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(
      ['# B', '', '## To Do', '', ...table(['Add tests | bo']), '', '## Done', '', ...table(['Setup | cy', 'Write parser | ana']), ''].join('\n'),
    );
  });

  it('a row whose board has no section for the status gets a mark closing its title cell; set back, the bytes are as before', async () => {
    const text = ['# B', '', '## To Do', '', '| Task |', '|---|', '| Write parser |', '', '## Done', '', '| Task |', '|---|', '| Setup |', ''].join('\n');
    const path = planFile(text);
    const r = await set(path, 'Write parser', 'blocked');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/the board has no section for blocked; wrote the status in task @\w+'s line instead of moving it\n$/);
    expect(readFileSync(path, 'utf8')).toBe(text.replace('| Write parser |', '| Write parser ⛔ |'));
    expect((await set(path, 'Write parser', 'pending')).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('a row moved to a lane whose table has a header and no rows yet goes after its delimiter row', async () => {
    const head = ['| ID | Task | Notes |', '|----|------|-------|'];
    const text = [
      '# B',
      '',
      '## Done',
      '',
      ...head,
      '| A-1 | Fix it | x |',
      '| A-2 | Other | y |',
      '',
      '---',
      '',
      '## Backlog',
      '',
      ...head,
      '',
      '---',
      '',
    ].join('\n');
    const path = planFile(text);
    const r = await runCli(['-f', path, 'set', 'A-1', 'pending']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('moved from "Done" to "Backlog"');
    expect(readFileSync(path, 'utf8')).toBe(
      text.replace('| A-1 | Fix it | x |\n', '').replace('|----|------|-------|\n\n---\n', '|----|------|-------|\n| A-1 | Fix it | x |\n\n---\n'),
    );
  });

  it('a marked row moved to another lane leaves its mark behind', async () => {
    const text = ['# B', '', '## To Do', '', '| Task |', '|---|', '| Write parser ⛔ |', '', '## Done', '', '| Task |', '|---|', '| Setup |', ''].join('\n');
    const path = planFile(text);
    const r = await set(path, 'Write parser', 'done');
    expect(r.code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(text.replace('| Write parser ⛔ |\n', '').replace('| Setup |', '| Setup |\n| Write parser |'));
  });

  it('no section for the status: the status is written in place and stderr says so in one line', async () => {
    const path = planFile(BOARD);
    const r = await set(path, 'Write the parser', 'blocked');
    expect(r.code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(BOARD.replace('- Write the parser', '- ⛔ Write the parser'));
    expect(r.stderr).toMatch(/^plan: \S*board-\d+\.md:4: the board has no section for blocked; wrote the status in task @5ab82's line instead of moving it\n$/);
  });

  it('several sections for the status: written in place, and stderr names them', async () => {
    const text = ['# B', '', '## Backlog', '- Someday', '', '## Todo', '- Soon', '', '## Done', '- Set up', ''].join('\n');
    const path = planFile(text);
    const r = await set(path, 'Set up', 'pending');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/the board has several sections for pending \("Backlog", "Todo"\); wrote the status in task @\w+'s line/);
    expect(readFileSync(path, 'utf8')).not.toBe(text);
    expect(readFileSync(path, 'utf8').split('\n').slice(0, 8)).toEqual(text.split('\n').slice(0, 8));
  });

  it('setting the status it already has changes nothing', async () => {
    const path = planFile(BOARD);
    const r = await set(path, 'Design the model', 'in-progress');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/is already like that; nothing to change/);
    expect(readFileSync(path, 'utf8')).toBe(BOARD);
  });

  it('sub-tasks with boxes of their own move with their parent and keep their statuses', async () => {
    const text = ['# B', '', '## Todo', '- Parser', '  - [x] headings', '  - [ ] tables', '- Tests', '', '## Done', '- Setup', ''].join('\n');
    const path = planFile(text);
    const before = JSON.parse((await runCli(['-f', path, '--json', 'list'])).stdout) as { tasks: { title: string; status: string }[] };
    const r = await set(path, 'Parser', 'done');
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(
      ['# B', '', '## Todo', '- Tests', '', '## Done', '- Setup', '- Parser', '  - [x] headings', '  - [ ] tables', ''].join('\n'),
    );
    const after = JSON.parse((await runCli(['-f', path, '--json', 'list'])).stdout) as { tasks: { title: string; status: string }[] };
    const status = (l: typeof before, title: string) => l.tasks.find((t) => t.title === title)?.status;
    for (const t of ['headings', 'tables']) expect(status(after, t)).toBe(status(before, t));
  });

  it('a move that would change another task (its reference, taken from the same words) is refused by the read-back; nothing written', async () => {
    const text = ['# B', '', '## Todo', '- Fix the bug', '- Fix the bug', '', '## Done', '- Setup', ''].join('\n');
    const path = planFile(text);
    const r = await runCli(['-f', path, 'set', '@2aba9', 'done']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /:4: moving task @2aba9 to its done section would change the plan \(task @d4629 \(line 5\) would read as @2aba9 "Fix the bug", pending\); nothing was written, move it by hand\n$/,
    );
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('a dry run shows the move as a diff and writes nothing', async () => {
    const path = planFile(BOARD);
    const r = await set(path, 'Write the parser', 'done', '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('# plan: task @5ab82: moved from "Todo" to the end of "Done"\n');
    expect(r.stdout).toContain('-- Write the parser\n');
    expect(r.stdout).toContain('+- Write the parser\n');
    expect(readFileSync(path, 'utf8')).toBe(BOARD);
  });

  it('next --claim moves the claimed task to the In Progress section, with its owner', async () => {
    const path = planFile(BOARD);
    const r = await runCli(['-f', path, 'next', '--claim', '--owner', 'ana']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(
      BOARD.replace('- Write the parser\n', '').replace('- Design the model\n', '- Design the model\n- Write the parser @ana\n'),
    );
    const listed = JSON.parse((await runCli(['-f', path, '--json', 'list'])).stdout) as { tasks: { title: string; status: string; owner: string | null }[] };
    expect(listed.tasks.find((t) => t.title === 'Write the parser')).toMatchObject({ status: 'in-progress', owner: 'ana' });
  });
});

describe('claims on a board of tables', () => {
  it("next --claim moves the row to an empty In Progress section: a new table with the row's header, its Owner cell filled", async () => {
    const text = [
      '# B',
      '',
      '## To Do',
      '',
      '| Task | Owner |',
      '|---|---|',
      '| Write parser | |',
      '| Add tests | bo |',
      '',
      '## In Progress',
      '',
      '## Done',
      '',
    ].join('\n');
    const path = planFile(text);
    const r = await runCli(['-f', path, 'next', '--claim', '--owner', 'ana']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(readFileSync(path, 'utf8')).toBe(
      [
        '# B',
        '',
        '## To Do',
        '',
        '| Task | Owner |',
        '|---|---|',
        '| Add tests | bo |',
        '',
        '## In Progress',
        '',
        '| Task | Owner |',
        '|---|---|',
        '| Write parser | ana |',
        '',
        '## Done',
        '',
      ].join('\n'),
    );
    expect((await runCli(['-f', path, 'undo'])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });
});

describe('a task written in several places', () => {
  it('a move of one place would leave the others behind: refused in one line, nothing written', async () => {
    const text = [
      '# Board',
      '',
      '## Overview',
      '- [ ] T-1: Write the parser',
      '- [ ] T-2: Add tests',
      '',
      '## Todo',
      '- [ ] T-1: Write the parser',
      '  - split the lines',
      '- [ ] T-2: Add tests',
      '',
      '## Done',
      '- [x] T-3: Set up the repo',
      '',
    ].join('\n');
    const path = planFile(text);
    const r = await runCli(['-f', path, 'set', 'T-1', 'done']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `plan: ${path}:8: task T-1 is also written on line 4, and moving it to "Done" would leave that behind; nothing was written (set it by hand, or keep one place)\n`,
    );
    expect(readFileSync(path, 'utf8')).toBe(text);
  });
});

describe('MCP', () => {
  const env = (path: string): ToolEnv => ({ planPath: () => path, files: path, tasksChanged: () => undefined, load: () => loadPlan(path) });

  it('set_status moves the task and returns it as it reads in its new section', async () => {
    const path = planFile(BOARD);
    const r = await setStatus.run({ id: '@5ab82', status: 'done' }, env(path));
    expect(r.isError).toBeFalsy();
    const out = r.structuredContent as { written: boolean; task: { id: string; line: number; status: string }; remarks: string[] };
    expect(out.written).toBe(true);
    expect(out.task).toMatchObject({ status: 'done', line: 11 });
    expect(out.task.id).not.toBe('@5ab82');
    expect(out.remarks).toContain(`task @5ab82: its reference is now ${out.task.id}`);
    expect(readFileSync(path, 'utf8')).toBe(DONE);
  });

  it('claim_task moves the claimed task', async () => {
    const path = planFile(BOARD);
    const r = await claimTask.run({ owner: 'bo' }, env(path));
    expect(r.isError).toBeFalsy();
    expect((r.structuredContent as { task: { line: number; status: string } }).task).toMatchObject({ status: 'in-progress', line: 8 });
    expect(readFileSync(path, 'utf8')).toContain('## In Progress\n- Design the model\n- Write the parser @bo\n');
  });
});
