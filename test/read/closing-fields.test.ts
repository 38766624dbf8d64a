// A field line written against the margin right after a list, no blank line between: Markdown continues the list's
// last item with it, a person reads it as a field of the task the list belongs to.
import { describe, expect, it } from 'vitest';
import { planOf } from '../helpers/inproc.js';
import { doc } from '../helpers/read-plan.js';

describe('a field line closing a checklist without a blank line', () => {
  it('is a field of the heading task, not words of the last item', async () => {
    const plan = await planOf(
      doc(
        '# Backlog',
        '',
        '## JOB-7: Ship the parser',
        '**Criteria**:',
        '- [ ] Reads every fixture',
        '- [ ] Prints a summary line',
        '**Status**: in progress',
        '**Owner:** dana',
        '',
        '## JOB-8: Tune the cache',
        '- [x] Measure the hit rate',
        'Estado: hecho',
      ),
    );
    const tasks = plan.tasks.map((t) => [t.id, t.title, t.status, t.owner ?? null]);
    expect(tasks).toEqual([
      ['JOB-7', 'Ship the parser', 'in-progress', 'dana'],
      [expect.any(String), 'Reads every fixture', 'pending', null],
      [expect.any(String), 'Prints a summary line', 'pending', null],
      ['JOB-8', 'Tune the cache', 'done', null],
      [expect.any(String), 'Measure the hit rate', 'done', null],
    ]);
  });

  it('leaves an indented line, or one that is no field, in the item', async () => {
    const plan = await planOf(
      doc('# Plan', '', '- [ ] Write the guide', '  Status: the page that says how things stand', '- [ ] Fix the build', 'note: later'),
    );
    expect(plan.tasks.map((t) => t.title)).toEqual(['Write the guide Status: the page that says how things stand', 'Fix the build note: later']);
  });
});

describe('a field line between two items of a list', () => {
  it('stays the item’s own words: the items after it get nothing from it', async () => {
    const plan = await planOf(doc('# Plan', '', '## Work', '', '- [ ] Fix login', 'Owner: Ana', '- [ ] Fix logout', ''));
    const tasks = plan.tasks.map((t) => [t.title, t.owner ?? null]);
    expect(tasks).toEqual([
      ['Fix login Owner: Ana', null],
      ['Fix logout', null],
    ]);
  });

  it('closes a numbered list when a list of bullets follows it: a field of the heading task still', async () => {
    const plan = await planOf(doc('# Plan', '', '### Phase 3: Parser', '1. Reads the fixtures', '**Status:** done', '- [x] Write the lexer', ''));
    expect(plan.tasks.map((t) => [t.title, t.status])).toEqual([
      ['Parser', 'done'],
      ['Write the lexer', 'done'],
    ]);
  });
});
