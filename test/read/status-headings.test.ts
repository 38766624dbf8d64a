// Statuses a plan gives in its headings (issue 20): a section named for a state (`## Open`, `## In Arbeit`,
// `## Erledigt`) gives it to the plain items under it, while the same word starting a heading of something
// else (`## Open Questions`, `## Active users`) gives nothing.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { doc, planFiles } from '../helpers/read-plan.js';
import { runCli } from '../helpers/cli.js';

const { readTasks, planFile } = planFiles();

describe('a heading that names a state', () => {
  it('gives `Open` to the plain items under it, as a lane of a board', async () => {
    const tasks = await readTasks(doc('# Board', '', '## Open', '', '- Fix the gate', '- Paint the fence', '', '## Done', '', '- Pour the slab'));
    expect(tasks.map((t) => [t.title, t.status])).toEqual([
      ['Fix the gate', 'pending'],
      ['Paint the fence', 'pending'],
      ['Pour the slab', 'done'],
    ]);
  });

  it('reads `Open tasks`, `Ready` and `Active` lanes, and the lanes of other languages', async () => {
    const tasks = await readTasks(
      doc(
        '# Board',
        '',
        '## Open tasks',
        '- Fix the gate',
        '## Ready',
        '- Order tiles',
        '## Active',
        '- Lay the floor',
        '## Offen',
        '- Streichen',
        '### In Arbeit',
        '- Fliesen legen',
        '## Erledigt',
        '- Dach decken',
        '## W trakcie',
        '- Malowanie',
      ),
    );
    expect(tasks.map((t) => [t.title, t.status])).toEqual([
      ['Fix the gate', 'pending'],
      ['Order tiles', 'pending'],
      ['Lay the floor', 'in-progress'],
      ['Streichen', 'pending'],
      ['Fliesen legen', 'in-progress'],
      ['Dach decken', 'done'],
      ['Malowanie', 'in-progress'],
    ]);
  });

  it('gives nothing where the word starts a heading of something else', async () => {
    const tasks = await readTasks(
      doc(
        '# Design',
        '',
        '## Open Questions',
        '- Who pays for the roof?',
        '## Active users',
        '- Ana, Ben',
        '## Ready for launch when',
        '- the permit is signed',
        '## Tasks',
        '- [ ] Sign the permit',
      ),
    );
    expect(tasks.map((t) => [t.title, t.status])).toEqual([['Sign the permit', 'pending']]);
  });

  it('gives its state to the id’d items under it, through a category heading, and set writes a mark there', async () => {
    const plan = doc('# Kanban', '', '## Backlog', '', '### Setup', '- **S1** Create the project', '', '### Schema', '- **DB1** Engineers table', '');
    const tasks = await readTasks(plan);
    expect(tasks.map((t) => [t.id, t.status])).toEqual([
      ['S1', 'pending'],
      ['DB1', 'pending'],
    ]);
    const path = planFile(plan);
    expect((await runCli(['-f', path, 'set', 'S1', 'done'])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(plan.replace('- **S1**', '- ✅ **S1**'));
    expect((await runCli(['-f', path, 'set', 'S1', 'pending'])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(plan);
  });

  it('leaves an id’d item under a heading of something else without a status', async () => {
    const tasks = await readTasks(doc('# Design', '', '## Open Questions', '', '### Roof', '- **Q1** Who pays for the roof?', ''));
    expect(tasks.map((t) => [t.id, t.status])).toEqual([['Q1', 'none']]);
  });

  it('gives nothing past a nearer heading that says a state, nor under one naming what done means', async () => {
    const plan = doc(
      '# Plan',
      '',
      '## Done',
      '',
      '### Phase 3 🔄 In progress',
      '- **S1** Create the project',
      '',
      '## Done when',
      '- **AC1** A user can sign up',
      '',
    );
    const tasks = await readTasks(plan);
    expect(tasks.filter((t) => t.kind !== 'parent').map((t) => [t.id, t.status])).toEqual([
      ['S1', 'none'],
      ['AC1', 'none'],
    ]);
  });
});

describe('a heading that opens with its status in brackets', () => {
  const PLAN = doc(
    '# Defects',
    '',
    '## Resolved',
    '',
    '### [RESOLVED] DEF-001: Viewer loops',
    'Fixed by the new listener.',
    '',
    '### [WIP] Search is slow',
    '',
    '### [M0] Tooling',
    '',
    '- Lint',
  );

  it('is a task, as a heading opening with a box is: the brackets say its status, the id and title follow', async () => {
    const tasks = await readTasks(PLAN);
    expect(tasks.map((t) => [t.id, t.title, t.status])).toEqual([
      ['DEF-001', 'Viewer loops', 'done'],
      [expect.stringMatching(/^@/), 'Search is slow', 'in-progress'],
    ]);
  });

  it('has its status set inside the brackets, and set back restores the bytes', async () => {
    const path = planFile(PLAN);
    expect((await runCli(['-f', path, 'set', 'DEF-001', 'pending', '--no-memory'])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(PLAN.replace('[RESOLVED] DEF-001', '[PENDING] DEF-001'));
    expect((await runCli(['-f', path, 'set', 'DEF-001', 'done'])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(PLAN.replace('[RESOLVED] DEF-001', '[DONE] DEF-001'));
  });
});

describe('a heading that writes its state in brackets after its id (`### T001 [P] [x] Create the repo`)', () => {
  const PLAN = doc(
    '# Tasks',
    '',
    '## Phase 1: Setup',
    '',
    '### T001 [P] [x] Create the repo',
    'Prose.',
    '',
    '### T002 [D: T001] [ ] Write the tests',
    '',
    '### Phase 2 [DONE] — Sync the files',
    'Prose.',
    '',
    '### Step 3 (optional) Configure the proxy',
    '',
  );

  it('is a task: the id, the box or the status phrase past any tags, then the title', async () => {
    const tasks = await readTasks(PLAN);
    expect(tasks.map((t) => [t.id, t.status, t.title, t.statusText])).toEqual([
      ['T001', 'done', 'Create the repo', '[x]'],
      ['T002', 'pending', 'Write the tests', '[ ]'],
      ['2', 'done', 'Sync the files', 'DONE'],
    ]);
  });

  it('is no task where the brackets are a note, the id names no work, or the heading titles the file', async () => {
    const plan = doc(
      '# Sprint 5 [ACTIVE] Board',
      '',
      '## Design',
      '',
      '### Option 2 [Rejected] Use Mongo',
      '',
      '### Step 1 (done) Configure',
      '',
      '- [ ] Build it',
    );
    expect((await readTasks(plan)).map((t) => t.title)).toEqual(['Build it']);
  });

  it('has its state written in that place, and set back restores the bytes', async () => {
    const path = planFile(PLAN);
    for (const [id, to] of [
      ['T001', 'pending'],
      ['T002', 'blocked'],
      ['2', 'in-progress'],
    ]) {
      expect((await runCli(['-f', path, 'set', id!, to!, '--no-memory'])).code).toBe(0);
    }
    expect(readFileSync(path, 'utf8')).toBe(PLAN.replace('[P] [x]', '[P] [ ]').replace('[D: T001] [ ]', '[D: T001] [ ] ⛔').replace('[DONE]', '[IN PROGRESS]'));
    for (const [id, to] of [
      ['T001', 'done'],
      ['T002', 'pending'],
      ['2', 'done'],
    ]) {
      expect((await runCli(['-f', path, 'set', id!, to!])).code).toBe(0);
    }
    expect(readFileSync(path, 'utf8')).toBe(PLAN);
  });
});

describe('a bug register’s states', () => {
  it('reads `By Design` as cancelled and `Known Issue`, `Has Workaround` as still open', async () => {
    const tasks = await readTasks(
      doc(
        '# Bugs',
        '',
        '### BUG-1: Media links expire',
        '**Status:** By Design (API limit)',
        '',
        '### BUG-2: Duplicate toast',
        '**Status:** Known Issue',
        '',
        '### BUG-3: Rate limits',
        '**Status:** Has Workaround',
      ),
    );
    expect(tasks.map((t) => [t.id, t.status])).toEqual([
      ['BUG-1', 'cancelled'],
      ['BUG-2', 'pending'],
      ['BUG-3', 'pending'],
    ]);
  });
});

describe('a heading that opens with a version and states a status', () => {
  it('is a release: a task with the version for its id, as `Phase 3 ✅` is, though it holds tasks', async () => {
    const tasks = await readTasks(
      doc(
        '# Roadmap',
        '',
        '## ✅ v0.1.0 - Foundation (Done)',
        '',
        '- [x] Login',
        '',
        '## 🚀 v0.2.0 - Cloud (In Progress)',
        '',
        '- [ ] Sync',
        '',
        '## v0.3.0 - Later',
        '',
        '- [ ] Share',
      ),
    );
    expect(tasks.map((t) => [t.id, t.title, t.status, t.kind])).toEqual([
      ['v0.1.0', 'Foundation', 'done', 'parent'],
      [expect.stringMatching(/^@/), 'Login', 'done', 'task'],
      ['v0.2.0', 'Cloud', 'in-progress', 'parent'],
      [expect.stringMatching(/^@/), 'Sync', 'pending', 'task'],
      [expect.stringMatching(/^@/), 'Share', 'pending', 'task'],
    ]);
  });
});

describe('a heading with a mark and, closing it, a status in brackets', () => {
  it('reads the bracketed words, and set writes there: the place the reading came from', async () => {
    const plan = doc('# Roadmap', '', '## 🚧 Phase 6 - Charts (Planned)', '', '- [ ] Draw the axes');
    expect((await readTasks(plan)).map((t) => [t.id, t.status])).toEqual([
      ['6', 'pending'],
      [expect.stringMatching(/^@/), 'pending'],
    ]);
    const path = planFile(plan);
    const r = await runCli(['-f', path, 'set', '6', 'done', '--no-memory']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(path, 'utf8')).toBe(plan.replace('(Planned)', '(Done)'));
  });
});

describe('a status and a note in the brackets closing a heading (`(Complete — 2026-03-09)`)', () => {
  it('keeps both out of the title, so a write to the status leaves the title as it was', async () => {
    const plan = doc('# Roadmap', '', '### ✅ v8.0 Platform Quality (Complete — 2026-03-09)', '', '- [x] Lint');
    expect((await readTasks(plan)).map((t) => [t.id, t.title, t.status])).toEqual([
      ['v8.0', 'Platform Quality', 'done'],
      [expect.stringMatching(/^@/), 'Lint', 'done'],
    ]);
    const path = planFile(plan);
    expect((await runCli(['-f', path, 'set', 'v8.0', 'blocked'])).code).toBe(0);
    expect((await readTasks(readFileSync(path, 'utf8'))).map((t) => [t.title, t.status])[0]).toEqual(['Platform Quality', 'blocked']);
    expect((await runCli(['-f', path, 'set', 'v8.0', 'done'])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(plan);
  });
});

describe('a heading status write that would say something else than asked', () => {
  const refused = async (plan: string, args: string[]) => {
    const path = planFile(plan);
    const r = await runCli(['-f', path, ...args]);
    expect([r.code, readFileSync(path, 'utf8')]).toEqual([1, plan]);
    expect(r.stderr).toMatch(/nothing was written/);
  };

  it('is refused, the file untouched: a styled status bracket, words beside the status in a closing bracket', async () => {
    await refused(doc('# Bugs', '', '### [_Resolved_] DEF-7: Baz (iOS)'), ['set', 'DEF-7', 'pending']);
    await refused(doc('# Plan', '', '## ✅ Phase 1: Build (Done by Ana)', '', '- [x] a'), ['set', '1', 'in-progress']);
  });

  it('never takes a link’s target for a status (`[notes](done)`): the mark is written', async () => {
    const plan = doc('# Plan', '', '## ✅ Phase 5: Docs — [release notes](done)', '', '- [x] e');
    const path = planFile(plan);
    expect((await runCli(['-f', path, 'set', '5', 'pending', '--no-memory'])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(plan.replace('## ✅ Phase 5', '## ⏳ Phase 5'));
  });
});
