// Shapes of planning files whose tasks plan did not list at all (issue 20, recall): each
// rule on a small made-up plan, read, and where the shape holds a status, set.
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

async function read(markdown: string): Promise<{ line: number; title: string; status: string; id: string | null; owner: string | null }[]> {
  const { plan } = await loadPlan(planFile(markdown), false, false);
  return plan.tasks.map((t) => ({ line: t.line, title: t.title, status: t.status, id: t.idFromFile ? t.id : null, owner: t.owner }));
}

const doc = (...lines: string[]) => [...lines, ''].join('\n');

describe('a checkbox at the start of a paragraph line, not a list item', () => {
  const PLAN = doc(
    '# Work order',
    '',
    '## Block A',
    '',
    '**[x] 1. Set up the project**',
    'Install and run it once.',
    'Done when: the server answers.',
    '',
    '**[ ] 2. Add the login form**',
    'Email and password, checked on submit.',
    '',
    '[ ] 3. Write the tests',
  );

  it('is a task: the box says its status, the number its id, the lines after it are its description', async () => {
    expect(await read(PLAN)).toEqual([
      { line: 5, title: 'Set up the project', status: 'done', id: '1', owner: null },
      { line: 9, title: 'Add the login form', status: 'pending', id: '2', owner: null },
      { line: 12, title: 'Write the tests', status: 'pending', id: '3', owner: null },
    ]);
  });

  it('is ticked in place by set, and set back restores the bytes', async () => {
    const path = planFile(PLAN);
    const r = await runCli(['-f', path, 'set', 'Add the login form', 'done']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(path, 'utf8')).toBe(PLAN.replace('**[ ] 2.', '**[x] 2.'));
    expect((await runCli(['-f', path, 'set', 'Add the login form', 'pending'])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(PLAN);
  });

  it('is not a task in the middle of a line, nor where the brackets hold words', async () => {
    expect(await read(doc('# Notes', '', 'Tick each [x] box when done.', '[see] the guide for more.'))).toEqual([]);
  });
});

describe('a heading numbered with a short code and a full stop, ending in its status', () => {
  it('`### K1. Title — done`: a task with the code as its id, beside one that states no status (a section)', async () => {
    const tasks = await read(
      doc(
        '# Tasks',
        '',
        '## Batch 1',
        '',
        '### K1. Reply card — done',
        'What changed.',
        '',
        '### K2. More examples — in progress',
        'Text.',
        '',
        '### K3. Notes',
        'Prose.',
      ),
    );
    expect(tasks.map((t) => [t.line, t.id, t.title, t.status])).toEqual([
      [5, 'K1', 'Reply card', 'done'],
      [8, 'K2', 'More examples', 'in-progress'],
    ]);
  });

  it('reads the Dutch `af` (finished) as done', async () => {
    const tasks = await read(doc('# Taken', '', '### R1. Recepten strakker — af', 'Tekst.', '', '### S3. Sparren fase 2 — bezig', 'Tekst.'));
    expect(tasks.map((t) => [t.id, t.title, t.status])).toEqual([
      ['R1', 'Recepten strakker', 'done'],
      ['S3', 'Sparren fase 2', 'in-progress'],
    ]);
  });
});

describe('sibling headings each opening with a short code and a full stop, under a part heading', () => {
  const PLAN = doc(
    '# Shop app — split of the work',
    '',
    '## Part A — Dana — ✅ DONE',
    '',
    '### A0. Mockups',
    'Screens to draw.',
    '',
    '### A1. Create the project',
    '- Set up the build.',
    '',
    '### A2. Login screen',
    'Text.',
    '',
    '## Part B — Sam',
    '',
    '### B0. Cart screen',
    'Text.',
    '',
    '### B1. Checkout screen',
    'Text.',
    '',
    '### B2. Final report',
    'Text.',
  );

  it('are the work items of the part, with the status their part heading states (else pending)', async () => {
    expect((await read(PLAN)).map((t) => [t.line, t.id, t.title, t.status])).toEqual([
      [5, 'A0', 'Mockups', 'done'],
      [8, 'A1', 'Create the project', 'done'],
      [11, 'A2', 'Login screen', 'done'],
      [16, 'B0', 'Cart screen', 'pending'],
      [19, 'B1', 'Checkout screen', 'pending'],
      [22, 'B2', 'Final report', 'pending'],
    ]);
  });

  it('are not tasks in a document that states no status anywhere (`### A1. Scope` sections)', async () => {
    const prose = doc('# Design notes', '', '## Appendix', '', '### A1. Scope', 'Text.', '', '### A2. Terms', 'Text.', '', '### A3. Sources', 'Text.');
    expect(await read(prose)).toEqual([]);
  });

  it('counts two runs of coded entries under one parent at two levels as two registers', async () => {
    const twoLevels = doc(
      '## Bugs',
      '',
      '#### G1 — Crash on start',
      '',
      '#### G2 — Slow save',
      '',
      '#### G3 — Lost title',
      '',
      '### B1 — Dead field',
      '',
      '### B2 — Timeout',
      '',
      '### B3 — Wrong total',
    );
    expect((await read(twoLevels)).map((t) => [t.id, t.status])).toEqual([
      ['G1', 'pending'],
      ['G2', 'pending'],
      ['G3', 'pending'],
      ['B1', 'pending'],
      ['B2', 'pending'],
      ['B3', 'pending'],
    ]);
  });

  it('takes a mark when set: `set B1 in-progress`', async () => {
    const path = planFile(PLAN);
    const r = await runCli(['-f', path, 'set', 'B1', 'in-progress']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const { plan } = await loadPlan(path, false, false);
    expect(plan.tasks.filter((t) => t.id.startsWith('B')).map((t) => [t.id, t.title, t.status])).toEqual([
      ['B0', 'Cart screen', 'pending'],
      ['B1', 'Checkout screen', 'in-progress'],
      ['B2', 'Final report', 'pending'],
    ]);
    // Only the B1 heading changes.
    const others = (text: string) => text.split('\n').filter((l) => !l.startsWith('### B1'));
    expect(others(readFileSync(path, 'utf8'))).toEqual(others(PLAN));
  });
});

describe('a heading’s last dashed part that states a status and a note in brackets', () => {
  const PLAN = doc('# Tasks', '', '### K1. Reply card — done (checked on the phone)', 'Text.', '', '### K2. More examples — done', 'Text.');

  it('is not part of the title: the title stops before the dash', async () => {
    expect((await read(PLAN)).map((t) => [t.id, t.title, t.status])).toEqual([
      ['K1', 'Reply card', 'done'],
      ['K2', 'More examples', 'done'],
    ]);
  });

  it('is set in place: the title stays', async () => {
    const path = planFile(PLAN);
    const r = await runCli(['-f', path, 'set', 'K1', 'pending']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const { plan } = await loadPlan(path, false, false);
    expect(plan.tasks.map((t) => [t.id, t.title, t.status])).toEqual([
      ['K1', 'Reply card', 'pending'],
      ['K2', 'More examples', 'done'],
    ]);
  });
});

describe('a numbered table of steps whose statuses are written as code', () => {
  const PLAN = doc(
    '# Launch',
    '',
    '| # | Phase | Status | Notes |',
    '|---|-------|--------|-------|',
    '| 1 | Draft the launch checklist | `completed` | in the wiki |',
    '| 2 | Book the venue for the party | `in progress` | two offers |',
    '| 3 | Print the posters and flyers | `pending` | |',
  );

  it('is a list of tasks, not a legend of the code values', async () => {
    expect((await read(PLAN)).map((t) => [t.id, t.title, t.status])).toEqual([
      ['1', 'Draft the launch checklist', 'done'],
      ['2', 'Book the venue for the party', 'in-progress'],
      ['3', 'Print the posters and flyers', 'pending'],
    ]);
  });

  it('a legend of code values stays a legend', async () => {
    expect(await read(doc('# Legend', '', '| Status | Colour |', '|---|---|', '| `open` | white |', '| `done` | green |'))).toEqual([]);
  });

  it("is set in its cell, as code in the file's own word", async () => {
    const path = planFile(PLAN);
    const r = await runCli(['-f', path, 'set', '3', 'done']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(path, 'utf8')).toContain('| 3 | Print the posters and flyers | `completed` | |');
  });
});

describe('a table with a column per state, whose mark gives each row its status', () => {
  it('reads the marked column as the status; no mark is pending beside a to-do column; two marks, the rightmost', async () => {
    const PLAN = doc(
      '# Plan',
      '',
      '| Task | To do | Doing | Done |',
      '|---|---|---|---|',
      '| Write the spec |  |  | X |',
      '| Draw the screens |  | ✓ |  |',
      '| Test the form | x (Ana) |  |  |',
      '| Ship it |  |  |  |',
      '| Tidy the repo |  | * | yes |',
    );
    expect((await read(PLAN)).map((t) => [t.line, t.title, t.status])).toEqual([
      [5, 'Write the spec', 'done'],
      [6, 'Draw the screens', 'in-progress'],
      [7, 'Test the form', 'pending'],
      [8, 'Ship it', 'pending'],
      [9, 'Tidy the repo', 'done'],
    ]);
  });

  it('leaves a row with no mark without a status where no column is for work to do', async () => {
    const PLAN = doc('# Plan', '', '| Item | Doing | Done | Notes |', '|---|---|---|---|', '| Order parts | ✔ |  | late |', '| Paint |  |  | - |');
    expect((await read(PLAN)).map((t) => [t.title, t.status])).toEqual([
      ['Order parts', 'in-progress'],
      ['Paint', 'none'],
    ]);
  });

  it('is not a board whose state columns hold the tasks’ names', async () => {
    const PLAN = doc('# Board', '', '| Todo | Doing | Done |', '|---|---|---|', '| Write the spec | Draw the screens | Set up the repo |');
    expect((await read(PLAN)).map((t) => t.title)).not.toContain('');
    const { plan } = await loadPlan(planFile(PLAN), false, false);
    expect(plan.tables[0]?.states).toBeUndefined();
  });

  it('leaves a table with a Status column alone, a column of marks headed `Done?` beside it', async () => {
    const PLAN = doc('# Plan', '', '| Task | Status | Done? |', '|---|---|---|', '| Write the spec | in progress |  |', '| Draw the screens | blocked | X |');
    expect((await read(PLAN)).map((t) => [t.title, t.status])).toEqual([
      ['Write the spec', 'in-progress'],
      ['Draw the screens', 'blocked'],
    ]);
  });
});

describe('lines of a drawn tree before a title', () => {
  it('are not part of the title: `└─ Write the tests` is `Write the tests`', async () => {
    const PLAN = doc(
      '# Plan',
      '',
      '| Task | Status |',
      '|---|---|',
      '| Build the form | doing |',
      '| ├── Draw the fields | done |',
      '| └─ Write the tests | todo |',
    );
    expect((await read(PLAN)).map((t) => [t.title, t.status])).toEqual([
      ['Build the form', 'in-progress'],
      ['Draw the fields', 'done'],
      ['Write the tests', 'pending'],
    ]);
  });
});

describe('a row cut short before every state column', () => {
  it('is not a task: it has no place for its mark', async () => {
    const PLAN = doc(
      '# Plan',
      '',
      '| Task | Todo | Done |',
      '|---|---|---|',
      '| Write the spec |  | X |',
      '| Draw the screens and',
      '| Test the form | X |  |',
    );
    expect((await read(PLAN)).map((t) => [t.line, t.title, t.status])).toEqual([
      [5, 'Write the spec', 'done'],
      [7, 'Test the form', 'pending'],
    ]);
  });
});

describe('an id in bold, then a status mark, then the title', () => {
  const PLAN = doc(
    '# Roadmap',
    '',
    '## Legend',
    '',
    '- `✓` shipped',
    '- `◐` in progress',
    '- `□` planned, not started yet',
    '',
    '## B · Diagnosis',
    '',
    '- **B.1** ✅ Rewrite the prompt',
    '  - more turns',
    '- **B.2** `✓` Query the change log',
    '- **B.3** `◐` Edge event source',
    '- **B.4** `□` Directed edges',
    '- **T-5** 🔄 Wire the lights',
  );

  it('gives the id, the status of the mark (one the legend defines too) and the title after the mark', async () => {
    expect((await read(PLAN)).map((t) => [t.line, t.id, t.status, t.title])).toEqual([
      [11, 'B.1', 'done', 'Rewrite the prompt'],
      [13, 'B.2', 'done', 'Query the change log'],
      [14, 'B.3', 'in-progress', 'Edge event source'],
      [15, 'B.4', 'pending', 'Directed edges'],
      [16, 'T-5', 'in-progress', 'Wire the lights'],
    ]);
  });

  it('is set by rewriting the mark in place, in the legend’s own mark', async () => {
    const path = planFile(PLAN);
    const r = await runCli(['-f', path, 'set', 'B.4', 'in-progress']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(path, 'utf8')).toBe(PLAN.replace('- **B.4** `□` Directed edges', '- **B.4** `◐` Directed edges'));
  });
});

describe('a section letter and number (`A.3`) as an id', () => {
  it('only set apart (in bold, or before a mark): in running text it is a reference, not a task', async () => {
    const PLAN = doc('# Notes', '', 'See also:', '', '- E.2 covers the retry logic', '- A.1 was superseded', '- **B.2** Cache the index', '- C.4 ✅');
    expect((await read(PLAN)).map((t) => [t.line, t.id, t.status, t.title])).toEqual([
      [7, 'B.2', 'none', 'Cache the index'],
      [8, 'C.4', 'done', 'C.4'],
    ]);
  });

  it('a mark ending the item is rewritten with no space after it', async () => {
    const PLAN = doc('# Plan', '', '- C.4 ✅');
    const path = planFile(PLAN);
    expect((await runCli(['-f', path, 'set', 'C.4', 'pending'])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(PLAN.replace('- C.4 ✅', '- C.4 ⏳'));
  });
});
