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

describe('sibling headings that each open with a code of their own', () => {
  const register = doc(
    '# Bug registry',
    '',
    '## P0 — Breaks correctness',
    '',
    '### B4 — `eveningMultiplier` is a dead field',
    'It is written and never read.',
    '**Fix:** read it, or remove it.',
    '',
    '### B31 — Succession timeout is unreachable ✅',
    'The loop never ends.',
    '',
    '### G16: Storm schedule not saved',
    'It is drawn again on every load.',
    '',
    '## P1 — Wrong values',
    '',
    'Nothing yet.',
  );

  it('are the entries of a register: tasks, with the code as id, open until marked, grouped under their parent', async () => {
    const tasks = await readTasks(register);
    expect(tasks.map((t) => [t.line, t.id, t.title, t.status, t.group])).toEqual([
      [5, 'B4', 'eveningMultiplier is a dead field', 'pending', 'P0 — Breaks correctness'],
      [9, 'B31', 'Succession timeout is unreachable', 'done', 'P0 — Breaks correctness'],
      [12, 'G16', 'Storm schedule not saved', 'pending', 'P0 — Breaks correctness'],
    ]);
  });

  it('take the status a progress ledger gives them, and are open only where none does', async () => {
    const ledger = register.replace('Nothing yet.', '| ID | Status |\n|---|---|\n| B4 | Done |');
    const tasks = await readTasks(ledger);
    expect(tasks.map((t) => [t.id, t.status])).toEqual([
      ['B4', 'done'],
      ['B31', 'done'],
      ['G16', 'pending'],
    ]);
  });

  it('not two of them (`### B1 — Migration` in a guide), nor sections that hold tasks or headings', async () => {
    const two = register.replace(/### G16[\s\S]*?(?=## P1)/u, '');
    expect(await readTasks(two)).toEqual([]);
    const containers = doc('# Plan', '', '## M1 — Foundation', '', '### Set up', '', '## M2 — Core', '', '- Text', '', '## M3 — Apps', '', '### Web');
    expect(await readTasks(containers)).toEqual([]);
  });

  it('nor codes that repeat (a tag on every heading is a category)', async () => {
    const tagged = doc('# Notes', '', '## UX1 — Colours', 'Text.', '', '## UX1 — Fonts', 'Text.', '', '## UX1 — Icons', 'Text.');
    expect(await readTasks(tagged)).toEqual([]);
  });
});

describe('plain items under a heading that names a state in the plural', () => {
  it('are tasks in that state (`## ✅ Concluídas`, `## Pendentes`), as under `## Done`', async () => {
    const tasks = await readTasks(
      doc('# Tarefas', '', '## ✅ Concluídas (referência)', '- Sistema de cláusulas', '- Campo categoria', '', '## Pendentes', '- Botão Ver PDF'),
    );
    expect(tasks.map((t) => [t.title, t.status])).toEqual([
      ['Sistema de cláusulas', 'done'],
      ['Campo categoria', 'done'],
      ['Botão Ver PDF', 'pending'],
    ]);
  });
});

describe('a bold-labelled item in a list of fields', () => {
  const progress = doc(
    '# Progress',
    '',
    '### Set up the backend',
    '- **Assignee:** Dev-Backend',
    '- **Status:** ✅ Completed',
    '- **Started:** Completed',
    '- **Completed:** ✅ Done',
    '- **Notes:** Models, routes and tests',
    '',
    '### Set up the app',
    '- **Status:** 🔄 In progress',
    '',
    '## Done',
    '',
    '- **Login**: ✅ shipped',
    '- **Search**: done',
  );

  it('is one more field, whatever its value says; the headings are the tasks', async () => {
    const tasks = await readTasks(progress);
    expect(tasks.map((t) => [t.line, t.title, t.status])).toEqual([
      [3, 'Set up the backend', 'done'],
      [10, 'Set up the app', 'in-progress'],
      [15, 'Login', 'done'],
      [16, 'Search', 'done'],
    ]);
  });
});
