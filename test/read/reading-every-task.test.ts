// Which lines of a plan are tasks, where the file marks them in a way of its own
// (issue 20, item 2, "every task a person sees"): one synthetic plan per rule.
import { describe, expect, it } from 'vitest';
import { doc, planFiles } from '../helpers/read-plan.js';

const { readTasks } = planFiles();

describe('headings that open with a checkbox', () => {
  const fixes = doc(
    '# Fixes',
    '',
    '## [ ] Restore the buttons',
    '',
    '**Goal**',
    '',
    'Bring the buttons back.',
    '',
    '- Log',
    '- Edit',
    '',
    '## [x] Fix the order of the meetings',
    '',
    'The list was sorted by name.',
    '',
    '## [ ] ⛔ Fix the gate',
    '',
    '## Notes',
    '',
    'Nothing here is work.',
  );

  it('are tasks, ticked or not as a list item with a box is, titled without the box', async () => {
    const tasks = await readTasks(fixes);
    expect(tasks.map((t) => [t.line, t.title, t.status, t.statusText])).toEqual([
      [3, 'Restore the buttons', 'pending', '[ ]'],
      [12, 'Fix the order of the meetings', 'done', '[x]'],
      [16, 'Fix the gate', 'blocked', '[ ] ⛔'],
    ]);
  });

  it('group what they hold under their name without the box', async () => {
    const tasks = await readTasks(doc('# Plan', '', '## [ ] Ship the app', '', '- [ ] Sign the build', '- [x] Write the notes'));
    expect(tasks.map((t) => [t.title, t.kind, t.group])).toEqual([
      ['Ship the app', 'parent', 'Plan'],
      ['Sign the build', 'task', 'Ship the app'],
      ['Write the notes', 'task', 'Ship the app'],
    ]);
  });

  it('even over a table, which would make a plain heading its caption', async () => {
    const tasks = await readTasks(
      doc('# Fixes', '', '## [ ] Name the meetings', '', 'For example:', '', '| ID | Title |', '| --- | --- |', '| 1 | God calls us |'),
    );
    expect(tasks.filter((t) => t.line === 3).map((t) => [t.title, t.status])).toEqual([['Name the meetings', 'pending']]);
  });

  it('but not a heading that only has brackets in it (`## [Unreleased]`, `## [1.2.0] - 2026-01-02`)', async () => {
    const tasks = await readTasks(doc('# Changelog', '', '## [Unreleased]', '', '- Added a flag', '', '## [1.2.0] - 2026-01-02', '', 'Text.'));
    expect(tasks).toEqual([]);
  });
});
