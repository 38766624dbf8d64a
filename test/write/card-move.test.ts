// `set` on a card of a board whose columns are its lanes (`| To do | Doing | Done |`): the card's text moves to the new
// status's column on its row, and back; exactly those bytes change. Where that cell holds another card, or no column
// is for the status, or a claim would write an owner, `set` refuses on one line and exits 1, the file untouched;
// `add` adds no row to such a board.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runCli } from '../helpers/cli.js';
import { planFiles } from '../helpers/read-plan.js';

const { planFile } = planFiles();

const PLAN = [
  '# Board',
  '',
  '| To do | Doing | Done |',
  '|---|---|---|',
  '| Write the spec | | |',
  '| | Draw the screens | Set up the repo |',
  '',
  '| Todo             | Doing            | Done |',
  '|------------------|------------------|------|',
  '| Paint the fence  |                  |      |',
  '',
].join('\n');

async function set(path: string, ...args: string[]): Promise<{ code: number; stderr: string }> {
  return runCli(['-f', path, 'set', ...args]);
}

/** Runs `plan -f path args`, expects a refusal on one line that says `says`, and the file as `text` was. */
async function expectRefused(path: string, text: string, args: string[], says: string): Promise<void> {
  const r = await runCli(['-f', path, ...args]);
  expect(r.code).toBe(1);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toContain(says);
  expect(readFileSync(path, 'utf8')).toBe(text);
}

describe('set on a card of a board’s lanes', () => {
  it('moves the text to the new lane on its row, and back to the bytes it had', async () => {
    const path = planFile(PLAN);
    expect((await set(path, 'Write the spec', 'done')).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(PLAN.replace('| Write the spec | | |', '| | | Write the spec |'));
    expect((await set(path, 'Paint the fence', 'in-progress')).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toContain('|                  | Paint the fence  |      |');
    const r = await runCli(['-f', path, '--json', 'list']);
    const tasks = (JSON.parse(r.stdout) as { tasks: { title: string; status: string }[] }).tasks;
    expect(tasks.map((t) => [t.title, t.status])).toEqual([
      ['Write the spec', 'done'],
      ['Draw the screens', 'in-progress'],
      ['Set up the repo', 'done'],
      ['Paint the fence', 'in-progress'],
    ]);
    expect((await set(path, 'Write the spec', 'pending')).code).toBe(0);
    expect((await set(path, 'Paint the fence', 'pending')).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(PLAN);
  });

  it('refuses where the new lane’s cell holds another card, or no lane is for the status, or an owner is claimed', async () => {
    const path = planFile(PLAN);
    for (const [args, says] of [
      [['Draw the screens', 'done'], 'the Done cell of its row holds another card'],
      [['Draw the screens', 'blocked'], 'no column is for blocked: it can write To do (pending), Doing (in-progress), Done (done)'],
      [['next', '--claim', '--owner', 'ana'], 'only the card moves'],
    ] as const) {
      const r = args[0] === 'next' ? await runCli(['-f', path, ...args]) : await set(path, ...args);
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(says);
    }
    expect(readFileSync(path, 'utf8')).toBe(PLAN);
  });
});

describe('set on a card never loses what the row holds, and set back restores its bytes', () => {
  const HEAD = ['# Board', '', '| To do | Doing | Done |', '|---|:---:|---:|'];

  /** Sets the card `title` to `to`, expects `row` after it, sets it back and expects the file as it was. */
  async function roundTrip(row: string, title: string, to: string, back: string, after: string): Promise<void> {
    const text = [...HEAD, row, '| Fix the gate | | |', ''].join('\n');
    const path = planFile(text);
    const r = await set(path, title, to);
    expect(r.stderr).toBe('');
    expect(readFileSync(path, 'utf8')).toBe(text.replace(row, after));
    expect((await set(path, title, back)).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(text);
  }

  it('trades places with a comment, a picture or a space in the new cell, in a tight row too', async () => {
    await roundTrip('|Spec|![](a.png)||', 'Spec', 'in-progress', 'pending', '|![](a.png)|Spec||');
    await roundTrip('|Spec|<!-- waiting on Ana -->||', 'Spec', 'in-progress', 'pending', '|<!-- waiting on Ana -->|Spec||');
    await roundTrip('| Spec |&nbsp;|  |', 'Spec', 'in-progress', 'pending', '|&nbsp;| Spec |  |');
    await roundTrip('| Spec | \u00a0 |        |', 'Spec', 'in-progress', 'pending', '| \u00a0 | Spec |        |');
  });

  it('keeps the card’s leading spaces and each cell’s width, whatever the padding or the column’s alignment', async () => {
    await roundTrip('| cd   |            |            |', 'cd', 'in-progress', 'pending', '|      | cd         |            |');
    await roundTrip('|gh  |      |     |', 'gh', 'done', 'pending', '|    |      |gh   |');
    await roundTrip('|   ij |       |   |', 'ij', 'in-progress', 'pending', '|      |   ij  |   |');
  });

  it('moves the spaces of other scripts with the card’s text, and trades cells across tabs', async () => {
    await roundTrip('| Spec\u3000 |            |  |', 'Spec', 'in-progress', 'pending', '|        | Spec\u3000     |  |');
    await roundTrip('| \u00a0Nbsp\u00a0 |          |  |', 'Nbsp', 'in-progress', 'pending', '|        | \u00a0Nbsp\u00a0   |  |');
    await roundTrip('|\tTab |        |   |', 'Tab', 'in-progress', 'pending', '|        |\tTab |   |');
  });

  it('moves one of two cards of the same text on a row', async () => {
    const text = [...HEAD, '| Tests | Tests |       |', ''].join('\n');
    const path = planFile(text);
    const r = await runCli(['-f', path, '--json', 'list']);
    const first = (JSON.parse(r.stdout) as { tasks: { id: string }[] }).tasks[0]!.id;
    expect((await set(path, first, 'done')).stderr).toBe('');
    expect(readFileSync(path, 'utf8')).toBe(text.replace('| Tests | Tests |       |', '|       | Tests | Tests |'));
  });
});

describe('set on a card keeps every cell of its row', () => {
  const HEAD = ['# Board', '', '| To do | Doing | Done |', '|---|---|---|'];

  it('refuses to empty a cell at the row’s edge with no pipe outside it (it would be no cell), on one line', async () => {
    for (const [rows, title] of [
      [['| Spec |        | Ship', '| Lint | Docs |'], 'Ship'],
      [['| Spec | | Ship', '| Lint | Docs |'], 'Ship'],
      [['To do | Doing | Done', '---|---|---', 'Spec |      | Ship', 'Lint | Docs | Ship it'], 'Ship'],
      [['To do | Doing | Done', '---|---|---', 'Spec |      | Ship', 'Lint | Docs | Ship it'], 'Spec'],
    ] as const) {
      const text = [...(rows[0]!.startsWith('|') ? HEAD : ['# Board', '']), ...rows, ''].join('\n');
      await expectRefused(planFile(text), text, ['set', title, 'in-progress'], 'the row would lose that cell');
    }
  });

  it('moves a card out of a cell with its pipe, in a row whose other edge has none', async () => {
    const text = [...HEAD, '| Spec |        | Ship', '| Lint | Docs |', ''].join('\n');
    const path = planFile(text);
    expect((await set(path, 'Spec', 'in-progress')).stderr).toBe('');
    expect(readFileSync(path, 'utf8')).toBe(text.replace('| Spec |        | Ship', '|      | Spec   | Ship'));
  });

  it('reads the row back: a write that would leave it a cell short is refused (a mark in an unclosed last cell)', async () => {
    const text = ['# Plan', '', '| Task | Todo | Done', '|---|---|---', '| Spec | | X', '| Docs | X |', ''].join('\n');
    const path = planFile(text);
    const r = await set(path, 'Spec', 'pending');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('its row would lose a cell');
    expect(readFileSync(path, 'utf8')).toBe(text);
  });
});

describe('set on a card of a board with two lanes of one status', () => {
  const TEXT = ['# Board', '', '| Backlog | To Do | Doing | Done |', '|---|---|---|---|', '|  |  | Build |  |', ''].join('\n');

  it('goes to the lane the word names, whatever its case and spaces', async () => {
    for (const [word, row] of [
      ['To Do', '|  | Build |  |  |'],
      ['todo', '|  | Build |  |  |'],
      ['backlog', '| Build |  |  |  |'],
    ] as const) {
      const path = planFile(TEXT);
      expect((await set(path, 'Build', word)).stderr).toBe('');
      expect(readFileSync(path, 'utf8')).toBe(TEXT.replace('|  |  | Build |  |', row));
    }
    const path = planFile(TEXT.replace('|  |  | Build |  |', '| Build |  |  |  |'));
    expect((await set(path, 'Build', 'To Do')).stderr).toBe('');
    expect(readFileSync(path, 'utf8')).toBe(TEXT.replace('|  |  | Build |  |', '|  | Build |  |  |'));
  });

  it('refuses on one line, naming the lanes, where the word names none of them', async () => {
    await expectRefused(planFile(TEXT), TEXT, ['set', 'Build', 'pending'], '"Backlog" and "To Do" are all pending: name the column');
  });

  it('takes a lane of a word read as another lane’s status (`In Review` beside `In Progress`)', async () => {
    const text = ['# Board', '', '| Ready | In Progress | In Review | Done |', '|---|---|---|---|', '| Idea |  |  |  |', ''].join('\n');
    const path = planFile(text);
    expect((await set(path, 'Idea', 'In Review')).stderr).toBe('');
    expect(readFileSync(path, 'utf8')).toBe(text.replace('| Idea |  |  |  |', '|  |  | Idea |  |'));
  });
});

describe('edit --title on a board’s card', () => {
  const TEXT = ['# Plan', '', '| To Do | Doing | Done |', '|---|---|---|', '| Spec |  |       |', '| Tests | Build | Ship |', ''].join('\n');

  it('refuses on one line a title that would make the board no board (a mark, a blank, a comment)', async () => {
    for (const title of ['X', 'yes', '✅', '', '<!-- c -->']) {
      await expectRefused(planFile(TEXT), TEXT, ['edit', 'Spec', '--title', title], 'would change how the plan reads (its board would hold');
    }
  });

  it('writes a title of words', async () => {
    const path = planFile(TEXT);
    expect((await runCli(['-f', path, 'edit', 'Spec', '--title', 'Write the spec'])).stderr).toBe('');
    expect(readFileSync(path, 'utf8')).toBe(TEXT.replace('| Spec |', '| Write the spec |'));
  });
});

describe('set on a card whose cell holds several lines (`<br>`)', () => {
  it('refuses on one line: the cell may hold several cards, and set would move them all', async () => {
    for (const cell of ['Spec<br>Tests', '• Spec<br/>• Tests', 'Spec <BR /> Tests<br>Docs']) {
      const text = ['# Board', '', '| To do | Doing | Done |', '|---|---|---|', `| ${cell} | Build |                      |`, '| Lint |  |  |', ''].join('\n');
      const path = planFile(text);
      const r = await runCli(['-f', path, '--json', 'list']);
      const id = (JSON.parse(r.stdout) as { tasks: { id: string }[] }).tasks[0]!.id;
      await expectRefused(path, text, ['set', id, 'done'], 'holds several lines');
    }
  });

  it('moves a card whose cell ends in a break', async () => {
    const text = ['# Board', '', '| To do | Doing | Done |', '|---|---|---|', '| Spec<br> |  |  |', ''].join('\n');
    const path = planFile(text);
    expect((await set(path, 'Spec', 'done')).stderr).toBe('');
  });
});

describe('add on a plan whose only table is a board of lanes', () => {
  it('refuses, as on a plan with no task table: a board has no row to copy for a new task', async () => {
    const text = ['# Plan', '', '| To do | Doing | Done |', '|---|---|---|', '| Write the spec | Build it | |', ''].join('\n');
    const path = planFile(text);
    const r = await runCli(['-f', path, 'add', 'New card']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no task table or task list to add to');
    expect(readFileSync(path, 'utf8')).toBe(text);
  });
});
