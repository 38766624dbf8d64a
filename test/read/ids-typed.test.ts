// Ids the person typed, in shapes that are easy to miss (issue 20, unseen plans): a zero-padded
// number before a colon, a `— Issue #7` the title ended with, `### Task #3` headings, a leading `#12`.
// Made-up plans; each rule failed before the reader learnt it.
import { describe, expect, it } from 'vitest';
import { planOf } from '../helpers/inproc.js';
import { doc } from '../helpers/read-plan.js';

async function idsAndTitles(markdown: string) {
  return (await planOf(markdown)).tasks.map((t) => [t.id, t.title]);
}

describe('a number then a colon before an item title', () => {
  it('numbers the task as `1.` does: an id where no number repeats', async () => {
    const got = await idsAndTitles(doc('# Backlog', '', '- [ ] 012: Draw the login form', '- [x] 011: Cache the feed', '- [x] 010: Write the guide'));
    expect(got).toEqual([
      ['012', 'Draw the login form'],
      ['011', 'Cache the feed'],
      ['010', 'Write the guide'],
    ]);
  });
});

describe('a heading task that ends citing its issue', () => {
  it('is filed as that issue: `#7` is its id; a pull request is a change, not the work', async () => {
    const got = await idsAndTitles(
      doc('# Tablero', '', '### Subir el modelo — Issue #7', '', '- **Status**: In progress', '', '### Medir — PR #9', '', '- **Status**: Done'),
    );
    expect(got[0]).toEqual(['#7', 'Subir el modelo']);
    expect(got[1]![1]).toBe('Medir');
    expect(got[1]![0]).not.toBe('#9');
  });
});

describe('a heading that is a work word and a number sign', () => {
  it('`### Task #3` writes the id `#3`', async () => {
    const got = await idsAndTitles(doc('# Sprint', '', '### Task #3', '', '- Status: Done', '', '### Tarea #4', '', '- Estado: Hecho'));
    expect(got.map((g) => g[0])).toEqual(['#3', '#4']);
  });
});

describe('an issue number before the name in a table row with an id column', () => {
  it('files the row in the tracker; the id column names it and the number is not part of its title', async () => {
    const got = await idsAndTitles(
      doc(
        '# Sprint',
        '',
        '| ID | Task | Status |',
        '|---|---|---|',
        '| S-1 | **#21 parser.ts — split** — moved out of main | Done |',
        '| S-2 | #22 Draw the map | Done |',
      ),
    );
    expect(got).toEqual([
      ['S-1', 'parser.ts — split'],
      ['S-2', 'Draw the map'],
    ]);
  });
});

describe('a mark in a table’s id column', () => {
  it('is no id (`| ✅ | Pick the size |`): an id has a letter or a digit', async () => {
    const { tasks } = await planOf(
      doc('# Plan', '', '## Done', '', '| # | What | When |', '|---|---|---|', '| ✅ | Pick the size | 22. 6. |', '| T3 | Write the text | 24. 6. |'),
    );
    expect(tasks.map((t) => [t.idFromFile, t.idFromFile ? t.id : null, t.title, t.status])).toEqual([
      [false, null, 'Pick the size', 'done'],
      [true, 'T3', 'Write the text', 'done'],
    ]);
  });
});
