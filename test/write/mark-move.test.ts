// `set` in a table with a column per state (`| Task | Todo | Doing | Done |`): the mark moves to the new status's
// column, the row's own mark (else the file's), the cell it leaves emptied; exactly those bytes change. Without a column for the
// new status, `set` refuses on one line and exits 1, the file untouched.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/run.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;

function planFile(text: string): string {
  const path = join(tmp.dir, `marks-${n++}.md`);
  writeFileSync(path, text);
  return path;
}

const row = (title: string, todo: string, doing: string, done: string) => `| ${title} | ${todo} | ${doing} | ${done} |`;
const PLAN = [
  '# Plan',
  '',
  '| Task             | Todo | Doing | Done |',
  '|------------------|------|-------|------|',
  row('Write the spec  ', '    ', '     ', ' ✓  '),
  row('Draw the screens', '    ', '  ✓  ', '    '),
  row('Test the form   ', ' x  ', '     ', '    '),
  row('Ship it         ', '    ', '     ', '    '),
  '',
].join('\n');

describe('set in a table whose status is the column holding a mark', () => {
  it('moves the mark: the old cell emptied, the mark in the new column, the rest byte for byte', async () => {
    const path = planFile(PLAN);
    const r = await runCli(['-f', path, 'set', 'Draw the screens', 'done']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(path, 'utf8')).toBe(PLAN.replace(row('Draw the screens', '    ', '  ✓  ', '    '), row('Draw the screens', '    ', '     ', ' ✓  ')));
  });

  it('writes a mark where the row had none', async () => {
    const path = planFile(PLAN);
    expect((await runCli(['-f', path, 'set', 'Ship it', 'in-progress'])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(PLAN.replace(row('Ship it         ', '    ', '     ', '    '), row('Ship it         ', '    ', '✓    ', '    ')));
    const r = await runCli(['-f', path, '--json', 'list']);
    const tasks = (JSON.parse(r.stdout) as { tasks: { title: string; status: string }[] }).tasks;
    expect(tasks.map((t) => t.status)).toEqual(['done', 'in-progress', 'pending', 'in-progress']);
  });

  it('empties every marked cell but the new status’s', async () => {
    const twice = PLAN.replace(row('Draw the screens', '    ', '  ✓  ', '    '), row('Draw the screens', '    ', '  ✓  ', ' ✓  '));
    const path = planFile(twice);
    expect((await runCli(['-f', path, 'set', 'Draw the screens', 'pending'])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(twice.replace(row('Draw the screens', '    ', '  ✓  ', ' ✓  '), row('Draw the screens', ' ✓  ', '     ', '    ')));
  });

  it('refuses a status the table has no column for, on one line, exit 1, the file untouched', async () => {
    const path = planFile(PLAN);
    const r = await runCli(['-f', path, 'set', 'Test the form', 'blocked']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('no column is for blocked: it can write Todo (pending), Doing (in-progress), Done (done)');
    expect(readFileSync(path, 'utf8')).toBe(PLAN);
  });
});

/**
 * Sets the task on row `before` of `text` to `to`: the file must then read `text` with that row as `after`, byte for
 * byte; and back to `back`: the file must be `text` again.
 */
async function movesAndBack(text: string, before: string, after: string, to = 'done', back = 'pending'): Promise<void> {
  const path = planFile(text);
  const line = text.split('\n').indexOf(before) + 1;
  const tasks = (JSON.parse((await runCli(['-f', path, '--json', 'list'])).stdout) as { tasks: { id: string; line: number }[] }).tasks;
  const id = tasks.find((t) => t.line === line)!.id;
  expect((await runCli(['-f', path, 'set', id, to])).code).toBe(0);
  expect(readFileSync(path, 'utf8')).toBe(text.replace(before, after));
  expect((await runCli(['-f', path, 'set', id, back])).code).toBe(0);
  expect(readFileSync(path, 'utf8')).toBe(text);
}

describe('the layout of the cells a mark leaves and enters', () => {
  it('keeps each cell’s width and puts the mark where the column’s delimiter says (`:-:` centred)', async () => {
    const text = ['| Task | Todo | Done |', '|------|:----:|:----:|', '| Alpha |  X   |      |', '| Beta  |      |  X   |', ''].join('\n');
    await movesAndBack(text, '| Alpha |  X   |      |', '| Alpha |      |  X   |');
  });

  it('without a delimiter’s alignment, the mark sits in its new cell as it sat in its old one', async () => {
    const text = ['| Task | Todo | Doing | Done |', '|---|---|---|---|', '| Alpha |    X |       |      |', '| Beta  |      |       |   X  |', ''].join('\n');
    await movesAndBack(text, '| Alpha |    X |       |      |', '| Alpha |      |     X |      |', 'in-progress');
  });

  it('moves the row’s own mark, not the file’s most used one', async () => {
    const text = ['| Task | Todo | Done |', '|---|---|---|', '| Alpha | ✓ |   |', '| Beta  |   | X |', '| Gamma |   | X |', ''].join('\n');
    await movesAndBack(text, '| Alpha | ✓ |   |', '| Alpha |   | ✓ |');
  });

  it('a row written without spaces by its pipes stays so', async () => {
    await movesAndBack(['|Task|Todo|Done|', '|-|-|-|', '|Alpha|X||', '|Beta||X|', ''].join('\n'), '|Alpha|X||', '|Alpha||X|');
  });
});

describe('what moves with a mark, as written', () => {
  const cases: [string, string, string][] = [
    ['formatting on the mark', '| A | **X** |       |', '| A |       | **X** |'],
    [
      'a note with a link and escapes, too wide for its new cell (the cells trade places)',
      '| A | X ([Ana](https://a.io) a\\_b) |  |',
      '| A |  | X ([Ana](https://a.io) a\\_b) |',
    ],
    ['a row padded with tabs', '|\tA\t|\tX\t|\t\t|', '|\tA\t|\t\t|\tX\t|'],
    ['a tight row with an escaped pipe in its title', '|A\\| b|X||', '|A\\| b||X|'],
  ];
  for (const [what, before, after] of cases)
    it(what, () => movesAndBack(['| T | Todo | Done |', '|---|---|---|', before, '| B | | X |', ''].join('\n'), before, after));
});

describe('what a table of marks is not, and cells that show nothing', () => {
  it('a table whose state columns hold no, a dash, a cross or counts is data, not tasks', async () => {
    for (const table of [
      ['| Feature | Blocked | Done |', '|---|---|---|', '| Login | No | Yes |', '| Export | - | - |'],
      ['| Component | Open | Closed |', '|---|---|---|', '| Parser | 12 | 40 |', '| Writer | 3 | 0 |'],
      ['| Task | Todo | Done |', '|---|---|---|', '| Alpha | ✗ | ✗ |', '| Beta | | X |'],
    ]) {
      const path = planFile(['# Plan', '', ...table, ''].join('\n'));
      const r = await runCli(['-f', path, '--json', 'list']);
      expect((JSON.parse(r.stdout) as { tasks: unknown[] }).tasks, table[0]).toEqual([]);
    }
  });

  it('writes over a cell that shows nothing (`&nbsp;`, `<br>`) and reads the move back', async () => {
    for (const blank of ['&nbsp;', '<br>']) {
      const text = ['# Plan', '', '| Task | Todo | Done |', '|---|---|---|', `| Alpha | X | ${blank} |`, '| Beta | X | |', ''].join('\n');
      const path = planFile(text);
      const r = await runCli(['-f', path, 'set', 'Alpha', 'done']);
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(readFileSync(path, 'utf8')).toBe(text.replace(`| Alpha | X | ${blank} |`, '| Alpha |   | X |'));
      const listed = await runCli(['-f', path, '--json', 'list']);
      expect((JSON.parse(listed.stdout) as { tasks: { status: string }[] }).tasks.map((t) => t.status)).toEqual(['done', 'pending']);
    }
  });
});
