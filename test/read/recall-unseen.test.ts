// Shapes of unseen planning files whose tasks plan did not list (issue 20, recall): each rule on a
// small made-up plan, read, and set where the shape holds a status.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { doc, planFiles } from '../helpers/read-plan.js';
import { runCli } from '../helpers/cli.js';

const { planFile, readTasks } = planFiles();

/** Line, title and status of each task (parents aside). */
const read = async (markdown: string): Promise<[number, string, string][]> =>
  (await readTasks(markdown)).filter((t) => t.kind === 'task').map((t) => [t.line, t.title, t.status]);

describe('bold-named items under a sprint, phase or milestone heading', () => {
  const PLAN = doc(
    '# Garden works',
    '',
    '## Phase 1 — Ground',
    '',
    '- **Clear the beds** — two skips booked. Roots out by hand.',
    '- **Lay the path** – gravel, 12 m.',
    '',
    '## Phase 2 — Planting',
    '',
    '- **Hedge along the fence** - beech, bare-root in winter.',
  );

  it('are the pieces of work the scope holds', async () => {
    expect(await read(PLAN)).toEqual([
      [5, 'Clear the beds', 'none'],
      [6, 'Lay the path', 'none'],
      [10, 'Hedge along the fence', 'none'],
    ]);
  });

  it('are not tasks under a lead-in, nor without a dash after the name, nor under a heading of no scope', async () => {
    const goals = doc('## Phase 1 — Ground', '', '**Goals:**', '- **Soil** — test it first', '', '- **Clear the beds**');
    expect(await read(goals)).toEqual([]);
    expect(await read(doc('## Ground', '', '- **Clear the beds** — two skips booked.'))).toEqual([]);
  });

  it('are set by a mark, and set back', async () => {
    const path = planFile(PLAN);
    const r = await runCli(['-f', path, 'set', 'Lay the path', 'done']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(path, 'utf8')).toBe(PLAN.replace('- **Lay the path**', '- ✅ **Lay the path**'));
    expect((await runCli(['-f', path, 'set', 'Lay the path', 'pending'])).code).toBe(0);
    expect((await read(readFileSync(path, 'utf8')))[1]).toEqual([6, 'Lay the path', 'pending']);
  });
});

describe('plain items under a milestone heading of no state, in a section that gives one', () => {
  const PLAN = doc(
    '# Kitchen refit',
    '',
    '## ✅ Done',
    '',
    '### Milestone 1 — Strip out',
    '- Old units removed and taken to the tip',
    '- Wiring checked by the electrician',
    '',
    '## Backlog',
    '',
    '### Milestone 2 — Fit',
    '- Worktop cut to size',
  );

  it('take the state of that section', async () => {
    expect(await read(PLAN)).toEqual([
      [6, 'Old units removed and taken to the tip', 'done'],
      [7, 'Wiring checked by the electrician', 'done'],
      [12, 'Worktop cut to size', 'pending'],
    ]);
  });

  it('are not tasks where only the file title names a state, nor under a milestone that says its own', async () => {
    const details = await read(doc('# Sprint Backlog', '', '## Details of sprint 1', '', '- Goal: the CRUD screens'));
    expect(details.filter(([line]) => line === 5)).toEqual([]);
    expect((await read(doc('## Done', '', '### Milestone 1 ✅', '- Old units removed'))).map((t) => t[1])).toEqual(['Milestone 1']);
  });

  it('are set by a mark', async () => {
    const path = planFile(PLAN);
    const r = await runCli(['-f', path, 'set', 'Worktop cut to size', 'done']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect((await read(readFileSync(path, 'utf8'))).at(-1)).toEqual([12, 'Worktop cut to size', 'done']);
  });
});

describe('a state set apart by a dash before a long section name', () => {
  const PLAN = doc(
    '# Works',
    '',
    '## Done - Phase 1: Ground works and the new garden path',
    '',
    '- [GW-1] Clear the beds',
    '',
    '## Pending - Phase 2: Planting along the whole north fence',
    '',
    '- [GW-2] Plant the hedge',
    '- [GW-3] Mulch the beds',
  );

  it('makes the section that state’s lane, its plain items tasks in it', async () => {
    expect(await read(PLAN)).toEqual([
      [5, 'Clear the beds', 'done'],
      [9, 'Plant the hedge', 'pending'],
      [10, 'Mulch the beds', 'pending'],
    ]);
  });

  it('not a word that is a lane only alone, nor a state that is not first', async () => {
    expect(await read(doc('## Open - Questions we still have about the garden', '', '- [Q-1] Which soil'))).toEqual([]);
    expect(await read(doc('## Garden works - done in the spring of last year', '', '- [GW-1] Clear the beds'))).toEqual([]);
  });
});
