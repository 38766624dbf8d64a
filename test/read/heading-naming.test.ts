// `**ID:**` and `**Title:**` field lines under a heading task: the id and the name its writer gave the task.
import { describe, expect, it } from 'vitest';
import { planOf } from '../helpers/inproc.js';
import { doc } from '../helpers/read-plan.js';

describe('naming fields under a heading task', () => {
  it('takes the id of an ID field item over the heading label and number', async () => {
    const plan = await planOf(
      doc(
        '# Work',
        '',
        '### Task 1: Lay out the repo',
        '- **ID**: W-1',
        '- **Priority**: P1',
        '- [x] Create the folders',
        '',
        '### Task 2: Wire the build',
        '- **ID**: W-2',
        '- **Depends on**: W-1',
        '- [ ] Add the bundler',
      ),
    );
    const heads = plan.tasks.filter((t) => t.title.startsWith('Lay') || t.title.startsWith('Wire'));
    expect(heads.map((t) => [t.id, t.title])).toEqual([
      ['W-1', 'Lay out the repo'],
      ['W-2', 'Wire the build'],
    ]);
  });

  it('takes an ID field line written as a paragraph too', async () => {
    const plan = await planOf(doc('# Work', '', '## Item 4: Trim the logs', '', '**Id:** OPS-12', '**Status:** done', '', 'Words.'));
    expect(plan.tasks.map((t) => [t.id, t.title, t.status])).toEqual([['OPS-12', 'Trim the logs', 'done']]);
  });

  it('takes the title of a Title field where the heading is only its id', async () => {
    const plan = await planOf(
      doc(
        '# Sprint',
        '',
        '### Story 1',
        '',
        '**Title:** Export the report',
        '**Status:** To Do',
        '',
        '### Story 2',
        '',
        '**Title:** Import old data',
        '**Status:** Done',
      ),
    );
    expect(plan.tasks.map((t) => [t.id, t.title, t.status])).toEqual([
      ['Story 1', 'Export the report', 'pending'],
      ['Story 2', 'Import old data', 'done'],
    ]);
  });

  it('keeps a heading title of its own over a Title field, and an ID field that is no id', async () => {
    const plan = await planOf(
      doc('# Sprint', '', '### Story 3: Sync the feeds', '', '**Title:** something else', '**ID:** see the tracker', '**Status:** Done'),
    );
    expect(plan.tasks.map((t) => [t.id, t.title])).toEqual([['Story 3', 'Sync the feeds']]);
  });
});
