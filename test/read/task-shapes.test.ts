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
