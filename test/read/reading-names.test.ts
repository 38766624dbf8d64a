// Ids, titles and owners as people write them (issue 20, items 1 and 5): rules
// found by reading the misreadings of the hold-out set's fourth batch that
// recur across files. Small synthetic plans; each rule failed before the
// reader learnt it.
import { describe, expect, it } from 'vitest';
import { planOf } from '../helpers/inproc.js';

async function tasksOf(markdown: string) {
  return (await planOf(markdown)).tasks.map((t) => ({ id: t.id, title: t.title, owner: t.owner ?? null }));
}

const doc = (...lines: string[]) => [...lines, ''].join('\n');

describe('a column of running numbers beside a column of ids', () => {
  it('counts the rows: the ids are the other column', async () => {
    const tasks = await tasksOf(
      doc(
        '# Backlog',
        '',
        '| # | ID | Story | Owner | Status |',
        '|---|----|-------|-------|--------|',
        '| 1 | K0 | Set up the repository | Ana | ✅ |',
        '| 2 | K1 | Draw the data model | Ben | ✅ |',
        '| 3 | UX1-A | Create a shift | Ana | ⬜ |',
        '| 4 | UX1-B | Cancel a shift | Ben | ⬜ |',
      ),
    );
    expect(tasks.map((t) => [t.id, t.title])).toEqual([
      ['K0', 'Set up the repository'],
      ['K1', 'Draw the data model'],
      ['UX1-A', 'Create a shift'],
      ['UX1-B', 'Cancel a shift'],
    ]);
  });

  it('while numbers that are the only ids stay the ids', async () => {
    const tasks = await tasksOf(
      doc('# Backlog', '', '| # | Story | Status |', '|---|-------|--------|', '| 1 | Set up the repository | ✅ |', '| 2 | Draw the data model | ⬜ |'),
    );
    expect(tasks.map((t) => [t.id, t.title])).toEqual([
      ['1', 'Set up the repository'],
      ['2', 'Draw the data model'],
    ]);
  });
});
