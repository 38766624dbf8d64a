// A table whose columns are a board's lanes (`| To do | Doing | Done |`), each cell a card's text: every card is a
// task with its lane's status, on its row's line (read/lane-columns.ts).
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { doc, planFiles } from '../helpers/read-plan.js';

const { planFile, readTasks } = planFiles();

async function read(...lines: string[]): Promise<[number, string, string, Record<string, string>][]> {
  return (await readTasks(doc(...lines))).map((t) => [t.line, t.title, t.status, t.fields]);
}

describe('a table whose every column is a lane of a board', () => {
  it('reads each filled cell as a card with its column’s status, several on one row', async () => {
    const tasks = await read(
      '# Garden board',
      '',
      '| Backlog | Doing | Done |',
      '|---|---|---|',
      '| Order the seeds | Dig the beds | Buy a spade |',
      '|  |  | Clear the shed |',
      '| Fix the gate ✅ |  |  |',
    );
    expect(tasks).toEqual([
      [5, 'Order the seeds', 'pending', {}],
      [5, 'Dig the beds', 'in-progress', {}],
      [5, 'Buy a spade', 'done', {}],
      [6, 'Clear the shed', 'done', {}],
      // The lane says the status: a mark the card's words end with does not.
      [7, 'Fix the gate', 'pending', {}],
    ]);
  });

  it('is not a table of counts under status headers, nor one of marks', async () => {
    expect(await read('# Stats', '', '| Open | Closed |', '|---|---|', '| 4 | 12 |')).toEqual([]);
    expect(await read('# Plan', '', '| Todo | Done |', '|---|---|', '| X |  |', '|  | ✓ |')).toEqual([]);
  });

  it('reads no card in a cell that only holds a comment or a picture', async () => {
    const tasks = await read(
      '# Board',
      '',
      '| To do | Doing | Done |',
      '|---|---|---|',
      '| Write the spec | <!-- waiting on Ana --> | ![Sketch](sketch.png) |',
      '| <!-- unclosed | Draw the screens | ![](a.png) ![](b.png) |',
    );
    expect(tasks.map((t) => [t[1], t[2]])).toEqual([
      ['Write the spec', 'pending'],
      ['Draw the screens', 'in-progress'],
    ]);
  });

  it('is not a legend: one row that fills every lane says what the lanes mean', async () => {
    const legend = ['| Pending | In progress | Done |', '|---|---|---|', '| Waiting for review | Being worked on | Merged |'];
    expect(await read('# Process', '', '## How we track work', '', ...legend)).toEqual([]);
    // A board of one row with a lane still empty, or of several rows, is a board.
    expect(await read('# Board', '', ...legend.slice(0, 2), '| Write the spec | Draw the screens | |')).toHaveLength(2);
    expect(await read('# Board', '', ...legend, '| Fix the gate | | |')).toHaveLength(4);
  });

  it('is not a table of counts: every card a number and what it counts (`12 bugs`)', async () => {
    expect(await read('# Stats', '', '| Open | Closed |', '|---|---|', '| 12 bugs | 40 bugs |', '| 3 features | |')).toEqual([]);
    const board = await read('# Board', '', '| Open | Closed |', '|---|---|', '| 3D export | |', '| Fix the login | 2FA setup |');
    expect(board.map((t) => t[1])).toEqual(['3D export', 'Fix the login', '2FA setup']);
    const numbered = await read('# Board', '', '| Open | Closed |', '|---|---|', '| 1. Write the spec | |', '| | 2. Draw the screens |');
    expect(numbered.map((t) => t[2])).toEqual(['pending', 'done']);
  });

  it('is not a table of counts with a placeholder among them (`n/a`, `TBD`)', async () => {
    for (const p of ['n/a', 'TBD', 'none']) expect(await read('# Stats', '', '| Open | Closed |', '|---|---|', '| 3 | 5 |', `| ${p} | 2 |`)).toEqual([]);
    const board = await read('# Board', '', '| Open | Closed |', '|---|---|', '| Fix the login | |', '| TBD | |');
    expect(board.map((t) => t[1])).toEqual(['Fix the login', 'TBD']);
  });

  it('is not a table of dates (`Jan 3`, `2024-03-01`, `3/1`)', async () => {
    const head = ['| Started | Finished |', '|---|---|'];
    expect(await read('# Log', '', ...head, '| Jan 3 | Feb 1 |', '| Mar 2 | |')).toEqual([]);
    expect(await read('# Log', '', ...head, '| 2024-03-01 | 3/9 |', '| 12 April 2024 | |')).toEqual([]);
    expect(await read('# Board', '', ...head, '| Plan the march | |', '| Draw the maps | Jan 3 |')).toHaveLength(3);
  });

  it('is not a legend of several rows, each filling every lane (what each lane means, its symbol)', async () => {
    const head = ['| Not started | In progress | Done |', '|---|---|---|'];
    const rows = ['| A new issue | An open pull request | A closed issue |', '| :white_circle: | :large_blue_circle: | :green_circle: |'];
    expect(await read('# Process', '', '## Workflow', '', ...head, ...rows)).toEqual([]);
    expect(await read('# Process', '', ...head, '| :white_circle: | :x: | |')).toEqual([]);
    // A board has a lane still empty somewhere.
    expect(await read('# Board', '', ...head, rows[0]!, '| Fix the gate | | |')).toHaveLength(4);
  });

  it('takes no rows after a blank line as its cards (a table without a header is another table, or text)', async () => {
    const board = ['| To do | Doing | Done |', '|---|---|---|', '| Write the spec | | |', '| Fix the gate | Draw the screens | |'];
    expect(await read('# Board', '', ...board, '', '| Ana | Lead | ana@example.org |')).toHaveLength(3);
    expect(await read('# Board', '', ...board, '', '**Note: the team grew.**', '', '| Ana | Lead | |')).toHaveLength(3);
  });

  it('needs two statuses and every header a status: a title column makes it a table of rows', async () => {
    const rows = await read('# Plan', '', '| Task | Todo | Done |', '|---|---|---|', '| Write the spec | Draft it | |');
    expect(rows.map((t) => t[1])).not.toContain('Draft it');
  });
});

describe('a board’s lanes in check and --explain', () => {
  const BOARD = doc('# Board', '', '| To do | Doing | Done |', '|---|---|---|', '| Write the spec | Draw the screens | |');

  it('asks for no id column (a card has no cell for one), and says the lane gave the status', async () => {
    const path = planFile(BOARD);
    expect((await runCli(['-f', path, 'check'])).stdout).not.toContain('no id column');
    const shown = await runCli(['-f', path, 'show', 'Draw the screens', '--explain']);
    expect(shown.stdout).toContain('the card stands in the "Doing" lane of a board');
  });
});
