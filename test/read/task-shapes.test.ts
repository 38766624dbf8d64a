// Shapes of a task line that real planning files write besides the GFM ones: each
// rule on a small made-up plan, read and (where the shape holds a status) set
// and set back, changing only the bytes of the status.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPlan } from '../../src/load/load.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/run.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;

function planFile(markdown: string): string {
  const path = join(tmp.dir, `plan-${n++}.md`);
  writeFileSync(path, markdown);
  return path;
}

async function tasksOf(markdown: string): Promise<{ line: number; title: string; status: string }[]> {
  const { plan } = await loadPlan(planFile(markdown), false, false);
  return plan.tasks.map((t) => ({ line: t.line, title: t.title, status: t.status }));
}

const doc = (...lines: string[]) => [...lines, ''].join('\n');

describe('a checkbox written as code at the start of a list item', () => {
  const PLAN = doc('# Plan', '', '## Stage 1', '', '- `[x]` Build the form', '- `[ ]` Wire the submit button', '- `[/]` Style the page');

  it('is the item’s checkbox: the item is a task and the box says its status', async () => {
    expect(await tasksOf(PLAN)).toEqual([
      { line: 5, title: 'Build the form', status: 'done' },
      { line: 6, title: 'Wire the submit button', status: 'pending' },
      { line: 7, title: 'Style the page', status: 'in-progress' },
    ]);
  });

  it('is ticked inside the code span by set, and set back restores the bytes', async () => {
    const path = planFile(PLAN);
    const r = await runCli(['-f', path, 'set', 'Wire the submit button', 'done']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(path, 'utf8')).toBe(PLAN.replace('- `[ ]` Wire', '- `[x]` Wire'));
    expect((await runCli(['-f', path, 'set', 'Wire the submit button', 'pending'])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(PLAN);
  });

  it('is not a box where the code span holds more than the box (`[x] done`)', async () => {
    expect(await tasksOf(doc('# Plan', '', '- `[x] done` marks finished work', '- `[x]` Build the form'))).toEqual([
      { line: 4, title: 'Build the form', status: 'done' },
    ]);
  });
});

describe('a name in brackets before the title', () => {
  const PLAN = doc('# Plan', '', '- [x] (ANA) Build the form', '- [x] (BO) Wire the submit button', '- [ ] (ANA) Style the page', '- [ ] (BO) Test the form');

  it('is the owner where the same few names take turns down the list', async () => {
    const { plan } = await loadPlan(planFile(PLAN), false, false);
    expect(plan.tasks.map((t) => [t.title, t.owner])).toEqual([
      ['Build the form', 'ANA'],
      ['Wire the submit button', 'BO'],
      ['Style the page', 'ANA'],
      ['Test the form', 'BO'],
    ]);
    const path = planFile(PLAN);
    expect((await runCli(['-f', path, 'set', 'Style the page', 'done'])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(PLAN.replace('- [ ] (ANA) Style', '- [x] (ANA) Style'));
  });

  it('stays in the title where the names group items rather than take turns (a category)', async () => {
    const grouped = doc('# Plan', '', '- [x] (API) Add the endpoint', '- [x] (API) Add the schema', '- [ ] (UI) Build the form', '- [ ] (UI) Style the form');
    const { plan } = await loadPlan(planFile(grouped), false, false);
    expect(plan.tasks.map((t) => [t.title, t.owner])).toEqual([
      ['(API) Add the endpoint', null],
      ['(API) Add the schema', null],
      ['(UI) Build the form', null],
      ['(UI) Style the form', null],
    ]);
  });
});

describe('a box ticked with a drawn tick (`[✔️]`, `[✅]`, `[✓]`, `[☑]`)', () => {
  const PLAN = doc(
    '# Plan',
    '',
    '## Done',
    '',
    '- [✔️] Build the form',
    '- [✅] Wire the submit button',
    '- [✓] Style the page',
    '- [☑] Test the form',
    '- [ ] Ship it',
  );

  it('is a ticked box: done, and the tick is not part of the title', async () => {
    expect(await tasksOf(PLAN)).toEqual([
      { line: 5, title: 'Build the form', status: 'done' },
      { line: 6, title: 'Wire the submit button', status: 'done' },
      { line: 7, title: 'Style the page', status: 'done' },
      { line: 8, title: 'Test the form', status: 'done' },
      { line: 9, title: 'Ship it', status: 'pending' },
    ]);
  });

  it('is opened by set over the whole box, and set back writes the same tick again', async () => {
    const path = planFile(PLAN);
    expect((await runCli(['-f', path, 'set', 'Build the form', 'pending'])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(PLAN.replace('- [✔️] Build', '- [ ] Build'));
    const r = await runCli(['-f', path, 'set', 'Build the form', 'done']);
    expect([r.code, readFileSync(path, 'utf8')]).toEqual([0, PLAN]);
  });
});

describe('an open box typed without its space (`- [] Request forwarder`)', () => {
  const PLAN = doc('# Plan', '', '## Features', '', '- [] Request forwarder', '  - [x] Route compiler', '- [ ] Plugins', '- []', '- [] ');

  it('is an open box: pending, and the brackets are not part of the title; alone it is no task', async () => {
    expect(await tasksOf(PLAN)).toEqual([
      { line: 5, title: 'Request forwarder', status: 'pending' },
      { line: 6, title: 'Route compiler', status: 'done' },
      { line: 7, title: 'Plugins', status: 'pending' },
    ]);
  });

  it('is ticked by set over its two brackets, and set back writes them as they were', async () => {
    const path = planFile(PLAN);
    expect((await runCli(['-f', path, 'set', 'Request forwarder', 'done'])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(PLAN.replace('- [] Request', '- [x] Request'));
    const r = await runCli(['-f', path, 'set', 'Request forwarder', 'pending']);
    expect([r.code, readFileSync(path, 'utf8')]).toEqual([0, PLAN]);
  });
});

describe('an open box whose whole text is in brackets', () => {
  const PLAN = doc(
    '# Board',
    '',
    '## In Progress',
    '',
    '- [ ] (Move tasks here once work starts)',
    '',
    '## To Do',
    '',
    '- [ ] [to be decided]',
    '- [ ] (optional) Build the form',
    '- [ ] [Design doc](https://example.com/doc)',
  );

  it('holds a place, names no work: not a task (brackets before a title, or a link, still are one)', async () => {
    expect((await tasksOf(PLAN)).map((t) => [t.line, t.title])).toEqual([
      [10, '(optional) Build the form'],
      [11, 'Design doc'],
    ]);
  });

  it('is what an edit may not turn a task into', async () => {
    const path = planFile(PLAN);
    const r = await runCli(['-f', path, 'edit', 'Design doc', '--title', '(to be named)']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/that title would change how the plan reads \(task @\w+ would no longer read as a task/);
    expect(readFileSync(path, 'utf8')).toBe(PLAN);
  });

  it('is what opening a ticked one would make of it: set refuses and writes nothing', async () => {
    const ticked = doc('# Board', '', '- [x] (Move me here)', '- [ ] Other');
    const path = planFile(ticked);
    const r = await runCli(['-f', path, 'set', '(Move me here)', 'pending']);
    expect([r.code, r.stderr]).toEqual([1, expect.stringContaining('(it would read as a placeholder, not a task); nothing was written')]);
    expect(readFileSync(path, 'utf8')).toBe(ticked);
  });

  it('is what `plan add` refuses to write, saying the new line would be no task', async () => {
    const list = doc('# Plan', '', '## To Do', '', '- [ ] Write the spec');
    const path = planFile(list);
    const r = await runCli(['-f', path, 'add', '(Follow up)']);
    expect([r.code, readFileSync(path, 'utf8')]).toEqual([1, list]);
    expect(r.stderr).toMatch(/^plan: .*:5: "\(Follow up\)" would not read as a task there \(a placeholder, a field or a legend entry\); nothing was written/);
  });

  it('is one of the lines a new title may not make of a task (a field line neither)', async () => {
    const path = planFile(PLAN);
    const r = await runCli(['-f', path, 'edit', 'Design doc', '--title', '**Status**: open']);
    expect([r.code, readFileSync(path, 'utf8')]).toEqual([1, PLAN]);
    expect(r.stderr).toMatch(/^plan: .*:11: that title would change how the plan reads/);
  });
});

describe('a box holding an emoji (`[⏳]`, `[🧩]`)', () => {
  const LEGEND = ['## Task State Legend', '', '- [ ] Not started', '- [⏳] In progress', '- [🧩] Blocked / Needs input', '- [x] Complete', ''];
  const PLAN = doc(
    '# Goals',
    '',
    ...LEGEND,
    '## Goals',
    '',
    '- [⏳] Wire the servo',
    '- [🧩] Order the parts',
    '- [🚧] Fix the leak',
    '- [🐛] Fix the crash ✅',
    '- [🔴] Tidy the CSS',
    '- [x] Build the frame',
  );

  it('says what its legend says the emoji means, else what a status emoji says; an icon that says no status firmly (`[🐛]`, `[🔴]`) is no box; the legend’s entries are no tasks', async () => {
    expect(await tasksOf(PLAN)).toEqual([
      { line: 12, title: 'Wire the servo', status: 'in-progress' },
      { line: 13, title: 'Order the parts', status: 'blocked' },
      { line: 14, title: 'Fix the leak', status: 'in-progress' },
      { line: 15, title: '[🐛] Fix the crash', status: 'done' },
      { line: 17, title: 'Build the frame', status: 'done' },
    ]);
  });

  it('is replaced whole by set, and set back writes the file’s own box again', async () => {
    const path = planFile(PLAN);
    expect((await runCli(['-f', path, 'set', 'Wire the servo', 'done'])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(PLAN.replace('- [⏳] Wire', '- [x] Wire'));
    expect((await runCli(['-f', path, 'set', 'Wire the servo', 'in-progress'])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(PLAN);
  });
});
