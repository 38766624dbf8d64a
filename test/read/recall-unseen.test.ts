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

describe('a table of work with a start and an end day', () => {
  const table = (head: string, days: [string, string][]) =>
    doc(
      '# Build',
      '',
      `| Activity | Who | ${head} | Status |`,
      '|---|---|---|---|---|',
      `| Wire the sensors | Ana | ${days[0]![0]} | ${days[0]![1]} | ✅ |`,
      `| Flash the firmware | Bo | ${days[1]![0]} | ${days[1]![1]} | 🔄 |`,
    );
  const both = [
    [5, 'Wire the sensors', 'done'],
    [6, 'Flash the firmware', 'in-progress'],
  ];

  it('is a plan: days of the calendar are when work runs, not what a report measured', async () => {
    // A leading zero, or a day past the month's number, is a day and never a count done (`3/5`).
    expect(
      await read(
        table('From | To', [
          ['02/12', '06/12'],
          ['06/12', '10/12'],
        ]),
      ),
    ).toEqual(both);
    expect(
      await read(
        table('From | To', [
          ['1/12', '15/12'],
          ['3/1', '28/1'],
        ]),
      ),
    ).toEqual(both);
    expect(
      await read(
        table('From | To', [
          ['1/2/2026', '3/2/2026'],
          ['3/2/2026', '4/2/2026'],
        ]),
      ),
    ).toEqual(both);
    // Columns named for when work starts and ends hold days whatever their cells look like.
    expect(
      await read(
        table('Start | End', [
          ['1/2', '3/4'],
          ['3/4', '5/6'],
        ]),
      ),
    ).toEqual(both);
  });

  it('a table whose other columns are decimals or durations stays a report of checks', async () => {
    expect(
      await read(
        table('p50 (ms) | p99 (ms)', [
          ['5.2', '9.8'],
          ['3.4', '7.1'],
        ]),
      ),
    ).toEqual([]);
    expect(
      await read(
        table('Duration | Retries', [
          ['120', '0'],
          ['95', '2'],
        ]),
      ),
    ).toEqual([]);
  });

  it('a table whose other columns are counts done stays a report of checks', async () => {
    expect(
      await read(
        table('Tests | Cases', [
          ['3/5', '4/6'],
          ['1/2', '2/3'],
        ]),
      ),
    ).toEqual([]);
  });
});

describe('a spreadsheet pasted with its column letters as the header', () => {
  const PLAN = doc(
    '| A | B | C | D | E |',
    '|---|---|---|---|---|',
    '| SPRINT | TASK ID | TASK NAME | ASSIGNED TO | STATUS |',
    '| Sprint 1 | | Groundwork | | In Progress |',
    '| | 1.1 | Dig the trench | Ana | In Progress |',
    '| | 1.2 | Pour the footing | Bo | Not Started |',
  );

  it('names its columns in its first row, which is no task; the sprint rows group the rows below', async () => {
    const tasks = await readTasks(PLAN);
    expect(tasks.map((t) => [t.line, t.id, t.title, t.owner, t.status, t.sprint])).toEqual([
      [5, '1.1', 'Dig the trench', 'Ana', 'in-progress', '1'],
      [6, '1.2', 'Pour the footing', 'Bo', 'pending', '1'],
    ]);
  });

  it('is set in its status column', async () => {
    const path = planFile(PLAN);
    const r = await runCli(['-f', path, 'set', '1.2', 'done']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(path, 'utf8')).toBe(PLAN.replace('| Bo | Not Started |', '| Bo | Done |'));
  });

  it('not letters out of order: such a header names no column, and its rows are read as any table’s', async () => {
    const letters = (head: string) => doc(head, '|---|---|---|', '| ID | TITLE | STATUS |', '| T1 | Dig | done |');
    expect((await readTasks(letters('| A | B | C |'))).map((t) => [t.line, t.id])).toEqual([[4, 'T1']]);
    expect((await readTasks(letters('| A | C | B |'))).map((t) => [t.line, t.id])).toEqual([]);
  });

  it('keeps its first row when that row is work, not names (a number, a status)', async () => {
    const sheet = doc('| A | B | C |', '|---|---|---|', '| 1 | Build the form | ✅ |', '| 2 | Ship it | ⬜ |', '| 3 | Write docs | 🔄 |');
    expect((await readTasks(sheet)).map((t) => [t.line, t.title])).toEqual([
      [3, 'Build the form'],
      [4, 'Ship it'],
      [5, 'Write docs'],
    ]);
  });
});

describe('a table whose numbers are a priority’s rank and a sprint’s number', () => {
  it('is a backlog, not a report of measurements (`prioriteetti`: Finnish, priority)', async () => {
    const plan = doc(
      '| prioriteetti | user story | sprint | status |',
      '|---|---|---|---|',
      '| 1 | Log in with a password | 1 | **done** |',
      '| 1 | Set a priority | 2 | **done** |',
      '| 2 | Reset the password | 8 | **done** |',
      '| 3 | Edit the tasks | | |',
      '| 3 | Estimate the work | | |',
    );
    expect(await read(plan)).toEqual([
      [3, 'Log in with a password', 'done'],
      [4, 'Set a priority', 'done'],
      [5, 'Reset the password', 'done'],
      [6, 'Edit the tasks', 'none'],
      [7, 'Estimate the work', 'none'],
    ]);
  });
});

describe('a table of releases (`| Version | Theme | Status |`)', () => {
  const PLAN = doc(
    '| Version | Theme | Status |',
    '|---|---|---|',
    '| v0.1.x | Foundation | ✅ Complete |',
    '| v0.2.x | Webhooks | Planned |',
    '| 1.0.0 | Stable release | Planned |',
  );

  it('names each row by its release, as an id; the theme is the title', async () => {
    expect((await readTasks(PLAN)).map((t) => [t.id, t.title, t.status])).toEqual([
      ['v0.1.x', 'Foundation', 'done'],
      ['v0.2.x', 'Webhooks', 'pending'],
      ['1.0.0', 'Stable release', 'pending'],
    ]);
  });

  it('is set by its release', async () => {
    const path = planFile(PLAN);
    const r = await runCli(['-f', path, 'set', 'v0.2.x', 'done']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(path, 'utf8')).toBe(PLAN.replace('| Webhooks | Planned |', '| Webhooks | ✅ Complete |'));
  });

  it('not a column of repeated releases, nor one not first', async () => {
    const repeated = doc('| Version | Work | Status |', '|---|---|---|', '| v1 | Write docs | done |', '| v1 | Ship | todo |');
    expect((await readTasks(repeated)).map((t) => t.title)).toEqual(['Write docs', 'Ship']);
    expect((await readTasks(repeated)).every((t) => t.id.startsWith('@'))).toBe(true);
  });
});

describe('a plan written as one fenced block of Markdown', () => {
  const PLAN = doc(
    '```md',
    '# Kiosk ExecPlan',
    '',
    '## Progress',
    '',
    '- [x] (2025-11-18 02:40Z) Task 1: the server answers /health',
    '- [ ] (2025-11-19) Wire the reader',
    '',
    '```sh',
    '- [ ] not a task: an example inside',
    '```',
    '```',
  );

  it('is read as the Markdown it holds, and a timestamp before an item’s words is no part of its title', async () => {
    expect(await read(PLAN)).toEqual([
      [6, 'the server answers /health', 'done'],
      [7, 'Wire the reader', 'pending'],
    ]);
    const tasks = await readTasks(PLAN);
    expect(tasks[0]!.id).toBe('Task 1');
    const path = planFile(PLAN);
    const r = await runCli(['-f', path, 'set', tasks[1]!.id, 'done']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(path, 'utf8')).toBe(PLAN.replace('- [ ] (2025-11-19)', '- [x] (2025-11-19)'));
  });

  it('stays an example where anything stands outside it, or its language is not Markdown', async () => {
    expect(await read(`Notes first.\n\n${PLAN}`)).toEqual([]);
    expect(await read(PLAN.replace('```md', '```text'))).toEqual([]);
  });

  it('stamps its own `Last Updated` line on a write, as any plan’s', async () => {
    const text = PLAN.replace('## Progress', '**Last Updated**: 2025-01-01\n\n## Progress');
    const path = planFile(text);
    const r = await runCli(['-f', path, 'set', 'Task 1', 'pending'], { env: { SOURCE_DATE_EPOCH: '1767225600' } });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(path, 'utf8')).toBe(text.replace('2025-01-01', '2026-01-01').replace('- [x] (2025-11-18 02:40Z)', '- [ ] (2025-11-18 02:40Z)'));
  });

  it('holds fences of other kinds and longer ones as its text', async () => {
    const text = doc('~~~md', '# ExecPlan', '- [x] Draft the outline', '````markdown', '```bash', 'npm i plan', '```', '````', '- [ ] Publish', '~~~');
    expect(await read(text)).toEqual([
      [3, 'Draft the outline', 'done'],
      [9, 'Publish', 'pending'],
    ]);
  });

  it('is no single fence where the file opens with an example and ends with another', async () => {
    const text = doc('```md', '- [ ] an example', '```', '', '## Tasks', '- [ ] Real one', '- [x] Real two', '', '```markdown', '- [ ] another example', '```');
    expect(await read(text)).toEqual([
      [6, 'Real one', 'pending'],
      [7, 'Real two', 'done'],
    ]);
  });

  it('holds a bare code block of its own (commands to run)', async () => {
    const text = doc(
      '```markdown',
      '## Setup',
      '- [ ] Install deps',
      '',
      '```',
      '# install dependencies',
      'npm install',
      '```',
      '',
      '- [ ] Write config',
      '```',
    );
    expect(await read(text)).toEqual([
      [3, 'Install deps', 'pending'],
      [10, 'Write config', 'pending'],
    ]);
  });

  it('is no single fence where an example table comes first and a bare code block last', async () => {
    const text = doc(
      '```md',
      '| ID | Task | Status |',
      '|---|---|---|',
      '| EX-1 | Example | Done |',
      '```',
      '',
      '| ID | Task | Status |',
      '|---|---|---|',
      '| T-1 | Write parser | Todo |',
      '',
      '```',
      'npm test',
      '```',
    );
    expect((await readTasks(text)).map((t) => t.id)).toEqual(['T-1']);
  });

  it('is no single fence where the file opens with an example and ends with a bare code block', async () => {
    const text = doc('```md', '- [ ] an example', '```', '', '## Tasks', '- [ ] Real one', '', '```', 'make all', '```');
    expect(await read(text)).toEqual([[6, 'Real one', 'pending']]);
  });
});

describe('a checklist item labelled with a conventional-commit type', () => {
  it('is a task titled as written (`- [ ] fix: …` is no `Fix:` field); a plain `- Fix: …` under a task stays a field', async () => {
    const text = doc(
      '# Plan',
      '',
      '- [ ] fix: Export the login',
      '- [x] docs(api): Write the guide',
      '',
      '### BUG-1: Login fails',
      '',
      '- Fix: retry the token',
    );
    expect(await read(text)).toEqual([
      [3, 'fix: Export the login', 'pending'],
      [4, 'docs(api): Write the guide', 'done'],
      // The bug heading is a task; its `Fix:` line a field of it, no task of its own.
      [6, 'Login fails', 'none'],
    ]);
    const path = planFile(text);
    const tasks = await readTasks(text);
    const r = await runCli(['-f', path, 'set', tasks[0]!.id, 'done']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(path, 'utf8')).toBe(text.replace('- [ ] fix:', '- [x] fix:'));
  });
});

describe('a conventional-commit type set in code before a title (`` `perf(gpu)`: … ``)', () => {
  it('tags the change, as a bracketed tag does: the title is the words after it, in a list and in a table', async () => {
    const text = doc(
      '# Plan',
      '',
      '- [ ] `perf(gpu)`: Batch the shaders',
      '- [ ] fix: Export the login',
      '',
      '| Item | Status |',
      '|---|---|',
      '| `feat(api)`: Stream the rows | ⏳ |',
      '| feat: Page the rows | ⏳ |',
    );
    expect((await readTasks(text)).map((t) => t.title)).toEqual(['Batch the shaders', 'fix: Export the login', 'Stream the rows', 'feat: Page the rows']);
  });
});

describe('a checklist item whose words open with a field name', () => {
  it('is a task (`- [ ] Fix: …`, `- [x] Goal: …`); a boxed `Status:` line under a heading task stays its field', async () => {
    const text = doc('# Plan', '', '- [ ] Fix: Export the login', '- [x] Goal: ship v1', '', '### BUG-1: Login fails', '', '- [x] Status: done');
    expect(await read(text)).toEqual([
      [3, 'Fix: Export the login', 'pending'],
      [4, 'Goal: ship v1', 'done'],
      [6, 'Login fails', 'done'],
    ]);
    const path = planFile(text);
    const tasks = await readTasks(text);
    const r = await runCli(['-f', path, 'set', tasks[0]!.id, 'done']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(path, 'utf8')).toBe(text.replace('- [ ] Fix:', '- [x] Fix:'));
  });
});

describe('an item that only names a state, over a nested list', () => {
  const PLAN = doc(
    '# Roadmap',
    '',
    '### v0.8 (in progress)',
    '- TODO',
    '    - Static exchange evaluation',
    '    - [x] Futility pruning',
    '- **Done:**',
    '    - Check extension',
    '- Done criteria:',
    '    - all tests pass',
    '',
    '### v0.7 (done) [2/2]',
    '- DONE',
    '    - Null move',
  );

  it('is a lane: the items in it are tasks in its state (a box of their own wins); an item of more words is none', async () => {
    expect(await read(PLAN)).toEqual([
      [5, 'Static exchange evaluation', 'pending'],
      [6, 'Futility pruning', 'done'],
      [8, 'Check extension', 'done'],
      [14, 'Null move', 'done'],
    ]);
  });

  it('files them under their heading as written, a bracket stating its state kept, a count badge not', async () => {
    expect((await readTasks(PLAN)).map((t) => t.group)).toEqual(['v0.8 (in progress)', 'v0.8 (in progress)', 'v0.8 (in progress)', 'v0.7 (done)']);
  });

  it('holds only the items nested right in it: not those under a later item, nor what a release note lists', async () => {
    const text = doc(
      '# Notes',
      '',
      '- TODO',
      '  - Write the importer',
      '- Owner: Alice',
      '  - phone 555-1234',
      '',
      '## v1.2.0',
      '',
      '- Fixed',
      '  - Crash when config is missing',
    );
    expect(await read(text)).toEqual([[4, 'Write the importer', 'pending']]);
  });

  it('keeps the references of the tasks under a heading whose state changes (the group’s name makes them)', async () => {
    const text = doc('# Plan', '', '## Phase 1: Setup (In Progress)', '- [ ] Install deps');
    const path = planFile(text);
    const before = (await readTasks(text)).find((t) => t.title === 'Install deps')!;
    const r = await runCli(['-f', path, 'set', '1', 'done']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const after = (await readTasks(readFileSync(path, 'utf8'))).find((t) => t.title === 'Install deps')!;
    expect([after.group, after.id]).toEqual(['Phase 1: Setup (Done)', before.id]);
  });

  it('takes a status written on a card, which then reads back', async () => {
    const path = planFile(PLAN);
    const r = await runCli(['-f', path, 'set', 'Static exchange evaluation', 'done']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(path, 'utf8')).toBe(PLAN.replace('    - Static', '    - ✅ Static'));
  });
});
