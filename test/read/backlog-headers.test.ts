// A backlog table with an id column and no status column is a plan of work when its header names the title column,
// in the languages that write `Titel` (German, Dutch, Swedish), with its description and priority beside it.
import { describe, expect, it } from 'vitest';
import { doc, planFiles } from '../helpers/read-plan.js';

const { readTasks } = planFiles();

describe('a numbered backlog headed `Titel`', () => {
  it('reads each row as a task: the number its id, `Titel` its title, the description its notes, no status', async () => {
    const tasks = await readTasks(
      doc(
        '# Garden plan',
        '',
        '| Nr. | Titel | Beschreibung | Priorität |',
        '| ---: | --- | --- | --- |',
        '| 1 | Zaun streichen | Zwei Schichten, weiß. | **Hoch** |',
        '| 2 | Beete umgraben | Vor dem ersten Frost. | Niedrig |',
      ),
    );
    expect(tasks.map((t) => [t.line, t.id, t.title, t.status, t.notes, t.priority])).toEqual([
      [5, '1', 'Zaun streichen', 'none', 'Zwei Schichten, weiß.', 'Hoch'],
      [6, '2', 'Beete umgraben', 'none', 'Vor dem ersten Frost.', 'Niedrig'],
    ]);
  });
});
