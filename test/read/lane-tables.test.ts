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
