// What the model builder takes for a task, one rule at a time, on small plans
// written the way real files write them. The corpus evaluation (npm run eval)
// measures the rules together; these say why each one exists.
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPlan } from '../../src/load/load.js';
import { tempDir } from '../helpers/run.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;

async function tasksOf(markdown: string): Promise<{ line: number; id: string; title: string; status: string }[]> {
  const path = join(tmp.dir, `plan-${n++}.md`);
  writeFileSync(path, markdown);
  const { plan } = await loadPlan(path, false, false);
  return plan.tasks.map((t) => ({ line: t.line, id: t.id, title: t.title, status: t.status }));
}

/** Every field of the tasks read, for rules about ids, owners, notes and scopes. */
async function readTasks(markdown: string) {
  const path = join(tmp.dir, `plan-${n++}.md`);
  writeFileSync(path, markdown);
  return (await loadPlan(path, false, false)).plan.tasks;
}

const doc = (...lines: string[]) => [...lines, ''].join('\n');

describe('bullets that report work done elsewhere', () => {
  it('are not tasks under a heading or lead-in that lists changes or files', async () => {
    const tasks = await tasksOf(
      [
        '# Tracker',
        '',
        '**Latest Changes:**',
        '- ✅ Added the export step to Phase 2',
        '',
        '## Phase 1 ✅',
        '',
        '- [x] 1.1: Create the loader ✅',
        '',
        '### Files Created:',
        '- ✅ `lib/loader.ts` - the loader',
        '',
        '### Files Modified (Phases 1-2)',
        '- ✅ `lib/index.ts`',
        '',
      ].join('\n'),
    );
    expect(tasks.map((t) => t.line)).toEqual([6, 8]);
  });

  it('are still tasks when the heading only mentions changes', async () => {
    const tasks = await tasksOf(['# Plan', '', '## Regulatory Changes Testing', '', '- ✅ Test the new tax rules', '- 🔄 Test the audit trail', ''].join('\n'));
    expect(tasks.map((t) => [t.title, t.status])).toEqual([
      ['Test the new tax rules', 'done'],
      ['Test the audit trail', 'in-progress'],
    ]);
  });
});

describe('a table with one row per section', () => {
  const sections = ['## S0 — Foundation', '', '- [x] Set up the repository', '', '## S1 — Discovery', '', '- [ ] Scan the schema', ''];

  it('summarises those sections: its rows are not counted again', async () => {
    const tasks = await tasksOf(
      [
        '# Tracker',
        '',
        '| Phase | Name | Status |',
        '|---|---|---|',
        '| **S0** | Foundation | ✅ Done |',
        '| **S1** | Discovery | ⬜ Not started |',
        '',
        ...sections,
      ].join('\n'),
    );
    expect(tasks.map((t) => t.title)).toEqual(['Set up the repository', 'Scan the schema']);
  });

  it('is a table of tasks when the sections it names track nothing', async () => {
    const tasks = await tasksOf(
      [
        '# Tracker',
        '',
        '| Phase | Name | Status |',
        '|---|---|---|',
        '| S0 | Foundation | ✅ Done |',
        '| S1 | Discovery | ⬜ Not started |',
        '',
        '## S0 — Foundation',
        '',
        'Notes.',
        '',
        '## S1 — Discovery',
        '',
        'More notes.',
        '',
      ].join('\n'),
    );
    expect(tasks.map((t) => t.id)).toEqual(['S0', 'S1']);
  });

  it('is a table of tasks when its ids are bare numbers, which sections also use', async () => {
    const tasks = await tasksOf(
      [
        '# Plan',
        '',
        '| # | Task | Status |',
        '|---|---|---|',
        '| 1 | Write the parser | ✅ |',
        '| 2 | Write the docs | ⬜ |',
        '',
        '## 1. Parser',
        '',
        '- [ ] Handle tables',
        '',
        '## 2. Docs',
        '',
        '- [ ] Write the guide',
        '',
      ].join('\n'),
    );
    expect(tasks.map((t) => t.title)).toEqual(['Write the parser', 'Write the docs', 'Handle tables', 'Write the guide']);
  });
});

describe('a status column written as code', () => {
  it('names the values a system uses, so the table explains them rather than tracking work', async () => {
    const tasks = await tasksOf(
      [
        '# Design',
        '',
        '- `MarketCard` shows a badge by status:',
        '  | Status | Background | Badge |',
        '  |---|---|---|',
        '  | `open` | white | — |',
        '  | `pending_resolution` (own) | light red | "Make Resolution" |',
        '  | `closed` | light green | "Resolved" |',
        '',
      ].join('\n'),
    );
    expect(tasks).toEqual([]);
  });
});

describe('a table without a status column', () => {
  it('takes the state a heading above gives the work under it, through a heading that says none', async () => {
    const tasks = await tasksOf(
      [
        '# Roadmap',
        '',
        '## Horizon 4 — Next',
        '',
        '### Theme: Enterprise readiness',
        '',
        '| # | Item | Why |',
        '|---|---|---|',
        '| 1 | Pin the cost constant | accuracy |',
        '',
      ].join('\n'),
    );
    expect(tasks.map((t) => [t.id, t.status])).toEqual([['1', 'pending']]);
  });

  it('does not take it through a heading with a state of its own', async () => {
    const tasks = await tasksOf(
      [
        '# Roadmap',
        '',
        '## Horizon 4 — Next',
        '',
        '### Theme: Enterprise readiness — ✅ Shipped',
        '',
        '#### Items',
        '',
        '| # | Item | Why |',
        '|---|---|---|',
        '| 1 | Pin the cost constant | accuracy |',
        '',
      ].join('\n'),
    );
    expect(tasks.map((t) => t.status)).not.toContain('pending');
  });
});

describe('plain items under a heading that gives their state', () => {
  it('are tasks, but not when each names a thing in code and says what it is', async () => {
    const tasks = await tasksOf(
      ['# Plan', '', '## Done', '', '- Rewrite the parser', '- `obs:setVolume` - server/index.js:3594', '- `lib/hooks.ts`: the hooks', ''].join('\n'),
    );
    expect(tasks.map((t) => [t.title, t.status])).toEqual([['Rewrite the parser', 'done']]);
  });
});

describe('ordered steps numbered on across scope headings', () => {
  const plan = [
    '# Plan',
    '',
    '### Phase 1 — Foundation ✓ (complete)',
    '1. Docker Compose setup',
    '2. Backend scaffold',
    '',
    '### Phase 2 — Intelligence',
    '3. LLM integration',
    '4. Market resolution',
    '',
    '### Phase 3 — Polish',
    '1. Unrelated numbered note',
    '',
  ];

  it('are one list: a step under a heading not ticked like the ones before is still to do', async () => {
    const tasks = await tasksOf(plan.join('\n'));
    const steps = tasks.filter((t) => t.line > 3);
    expect(steps.map((t) => [t.id, t.title, t.status])).toEqual([
      ['1', 'Docker Compose setup', 'done'],
      ['2', 'Backend scaffold', 'done'],
      ['3', 'LLM integration', 'pending'],
      ['4', 'Market resolution', 'pending'],
    ]);
  });
});

describe('headings with a Status field', () => {
  const entry = (title: string, status: string) => [`### ${title}`, '', '**Typ:** Bug', `**Status:** ${status}`, ''];

  it('are the entries of a backlog when the file has several, id or not', async () => {
    const tasks = await tasksOf(
      ['# Backlog', '', '## Einträge', '', ...entry('[intern] iCal-Export pro Team', 'Erledigt'), ...entry('Druckansicht', 'Offen')].join('\n'),
    );
    expect(tasks.map((t) => [t.title, t.status])).toEqual([
      ['iCal-Export pro Team', 'done'],
      ['Druckansicht', 'pending'],
    ]);
  });

  it('are not tasks when only one says so (a document status), or when the field is an outcome', async () => {
    expect(await tasksOf(['# Spec', '', '## Overview', '', '**Status:** Draft', '', 'Text.', ''].join('\n'))).toEqual([]);
    const signed = ['### Completion Signature', '', '**Completed By**: Claude', '**Result**: ✅ COMPLETE', ''];
    expect(await tasksOf(['# Log', '', ...signed, ...signed].join('\n'))).toEqual([]);
  });
});

describe('table columns', () => {
  it('a table with ids is a plan of work even when most other columns are numbers', async () => {
    const tasks = await tasksOf(
      [
        '# Release',
        '',
        '| Task N° | Intitulé | US(s) | Estimation (j/h) | Affectation | Status |',
        '|---|---|---|---|---|---|',
        '| T1 | Initialiser le projet | 1, 2 | 0.3 | Khadija | Done |',
        '| T2 | Créer la classe | 3 | 0.5 | Arthur | ToDo |',
        '',
      ].join('\n'),
    );
    expect(tasks.map((t) => [t.id, t.title, t.status])).toEqual([
      ['T1', 'Initialiser le projet', 'done'],
      ['T2', 'Créer la classe', 'pending'],
    ]);
  });

  it('a Completed column of checkboxes says whether, not when', async () => {
    const tasks = await tasksOf(
      ['# Tracker', '', '| # | Topic | Completed | Date |', '|---|---|---|---|', '| 1 | Variables | [x] | |', '| 2 | Strings | [ ] | |', ''].join('\n'),
    );
    expect(tasks.map((t) => [t.title, t.status])).toEqual([
      ['Variables', 'done'],
      ['Strings', 'pending'],
    ]);
  });
});

describe('headings that give the state of the items under them', () => {
  it('include the Now of a Now / Next / Later roadmap', async () => {
    const tasks = await tasksOf(['# Roadmap', '', '## Now', '', '- Ship the parser', '', '## Next', '', '- Ship the docs', ''].join('\n'));
    expect(tasks.map((t) => [t.title, t.status])).toEqual([
      ['Ship the parser', 'in-progress'],
      ['Ship the docs', 'pending'],
    ]);
  });
});

describe("a legend of the file's own tokens", () => {
  it('teaches them: `[0.5]` reads as the status the legend gives it', async () => {
    const quest = (n: string, status: string) => [`### Quest ${n}: Part ${n}`, `- **Status:** \`${status}\``, '- **Description:** Build it.', ''];
    const tasks = await tasksOf(
      [
        '# Roadmap',
        '',
        '| Status | Meaning |',
        '|---|---|',
        '| `[0.0]` | Not started |',
        '| `[0.5]` | In progress |',
        '| `[1.0]` | Complete |',
        '',
        ...quest('0.1', '[0.5]'),
        ...quest('0.2', '[1.0]'),
        ...quest('0.3', '[0.0]'),
      ].join('\n'),
    );
    expect(tasks.map((t) => t.status)).toEqual(['in-progress', 'done', 'pending']);
  });
});

describe('a report with numbered rows', () => {
  it('stays a report when most columns are numbers: row numbers are not ids of work', async () => {
    const tasks = await tasksOf(
      [
        '# Run',
        '',
        '| Window | Symbol | Status | Train | Val | Total |',
        '|---|---|---|---|---|---|',
        '| 1 | TCS | ✅ success | 53 | 14 | 67 |',
        '| 2 | TCS | ⊘ skipped | - | - | 8 |',
        '',
      ].join('\n'),
    );
    expect(tasks).toEqual([]);
  });
});

describe('references in titles', () => {
  it('`(blocked by #12)` in parentheses is a dependency, not a status cut from the title', async () => {
    const path = join(tmp.dir, `plan-${n++}.md`);
    writeFileSync(path, '- [ ] Fix login (blocked by #12)\n- [ ] Fix logout blocked by #12\n- [ ] #12 Session store\n');
    const { plan } = await loadPlan(path, false, false);
    expect(plan.tasks.map((t) => [t.title, t.dependsOn])).toEqual([
      ['Fix login', ['#12']],
      ['Fix logout', ['#12']],
      ['Session store', []],
    ]);
  });

  it('an issue number after the title is not its name: its id where no other task cites it or has it; an item that is only an id is titled by it', async () => {
    const tasks = await tasksOf('- [ ] Update changelog (#126)\n- [ ] #123\n- [x] Fix the footer (#7)\n- [x] Fix the header (#7)\n- [ ] Wire it (#123)\n');
    expect(tasks.map((t) => [t.id, t.title])).toEqual([
      ['#126', 'Update changelog'],
      ['#123', '#123'],
      [expect.stringMatching(/^@/), 'Fix the footer'],
      [expect.stringMatching(/^@/), 'Fix the header'],
      [expect.stringMatching(/^@/), 'Wire it'],
    ]);
  });
});

describe('ids and titles from what the cells hold and where the header words stand', () => {
  it('reads a Romance-order header by its first word, and hierarchical ids as ids', async () => {
    const tasks = await readTasks(
      doc(
        '# Inventario',
        '',
        '| ID de la Tarea | Resumen de la Tarea | Estado |',
        '|---|---|---|',
        '| INV-01 | Contar el almacén | Hecho |',
        '| INV-01.1 | Contar los estantes | Pendiente |',
        '| INV-01.2 | Contar las cajas | Pendiente |',
        '| ABC-DEF-001.2.1 | Cerrar el inventario | Pendiente |',
      ),
    );
    expect(tasks.map((t) => [t.id, t.title, t.idFromFile])).toEqual([
      ['INV-01', 'Contar el almacén', true],
      ['INV-01.1', 'Contar los estantes', true],
      ['INV-01.2', 'Contar las cajas', true],
      ['ABC-DEF-001.2.1', 'Cerrar el inventario', true],
    ]);
  });

  it('lets the cells overrule the header: a Task column of ids is the id column', async () => {
    const tasks = await readTasks(
      doc('# Ops', '', '| Task | Job | Status |', '|---|---|---|', '| OPS-7 | Patch the hosts | Done |', '| OPS-7.1 | Reboot the hosts | Todo |'),
    );
    expect(tasks.map((t) => [t.id, t.title])).toEqual([
      ['OPS-7', 'Patch the hosts'],
      ['OPS-7.1', 'Reboot the hosts'],
    ]);
  });

  it('reads rows that fill only a sparse first column as groups giving their scope to the rows below', async () => {
    const tasks = await readTasks(
      doc(
        '# Build',
        '',
        '| Sprint | Ticket ID | Work (summary) | Crew | Status |',
        '|---|---|---|---|---|',
        '| Sprint 1 | | Groundwork | | |',
        '| | GW-1 | Dig the trench | Ana | Done |',
        '| | GW-2 | Pour the footing | Bo | Doing |',
        '| Sprint 2 | | Walls | | |',
        '| | WL-1 | Lay the blocks | Ana | Todo |',
      ),
    );
    expect(tasks.map((t) => [t.id, t.title, t.sprint, t.owner, t.status, t.kind])).toEqual([
      ['GW-1', 'Dig the trench', '1', 'Ana', 'done', 'task'],
      ['GW-2', 'Pour the footing', '1', 'Bo', 'in-progress', 'task'],
      ['WL-1', 'Lay the blocks', '2', 'Ana', 'pending', 'task'],
    ]);
  });

  it('takes a numbered id before a colon in a list item, not a date', async () => {
    const tasks = await readTasks(doc('# Wiring', '', '- [ ] 03-01: Run the cables', '- [x] 23.1-01: Fit the sockets', '- [x] 2025-06-02: Site visit'));
    expect(tasks.map((t) => [t.id, t.title, t.idFromFile])).toEqual([
      ['03-01', 'Run the cables', true],
      ['23.1-01', 'Fit the sockets', true],
      [tasks[2]!.id, '2025-06-02: Site visit', false],
    ]);
  });

  it("takes each item's own bracketed tag as its id, but not a tag every item repeats", async () => {
    const own = await readTasks(doc('# Plan', '', '- [x] [M0] Workspace tooling', '- [ ] [M1] First release', '- [ ] [M2] Second release'));
    expect(own.map((t) => [t.id, t.title])).toEqual([
      ['M0', 'Workspace tooling'],
      ['M1', 'First release'],
      ['M2', 'Second release'],
    ]);
    const shared = await readTasks(doc('# Plan', '', '- [x] [UI] Draw the menu', '- [ ] [UI] Draw the footer'));
    expect(shared.map((t) => [t.idFromFile, t.title])).toEqual([
      [false, 'Draw the menu'],
      [false, 'Draw the footer'],
    ]);
  });

  it('splits a code before a full stop off the title cells of a table with no id column', async () => {
    const tasks = await readTasks(doc('# Plan', '', '| Task | Status |', '|---|---|', '| 4c-A. Paint the hall | Done |', '| 4c-B. Paint the stairs | Todo |'));
    expect(tasks.map((t) => [t.id, t.title])).toEqual([
      ['4c-A', 'Paint the hall'],
      ['4c-B', 'Paint the stairs'],
    ]);
  });

  it('takes the number of a numbered heading task as its id', async () => {
    const tasks = await readTasks(doc('# Band', '', '### 1. Write the songs ✅', '', 'Notes.', '', '### 2. Record the album 🔄', '', 'Notes.'));
    expect(tasks.map((t) => [t.id, t.title, t.status])).toEqual([
      ['1', 'Write the songs', 'done'],
      ['2', 'Record the album', 'in-progress'],
    ]);
  });

  it('reads a number before the title of a checklist item as an id only where such numbers never repeat', async () => {
    const once = await readTasks(doc('# Plan', '', '- [x] 1. Set up the API', '', '- [ ] 2. Build the editor'));
    expect(once.map((t) => [t.id, t.title])).toEqual([
      ['1', 'Set up the API'],
      ['2', 'Build the editor'],
    ]);
    const again = await readTasks(doc('# Cards', '', '### Card A', '- [x] 1. Draw it', '', '### Card B', '- [ ] 1. Cut it'));
    expect(again.map((t) => [t.idFromFile, t.title])).toEqual([
      [false, 'Draw it'],
      [false, 'Cut it'],
    ]);
  });

  it('gives no number to two tasks: where both numberings would use one, neither is ids', async () => {
    const plan = doc(
      '# Plan',
      '',
      '## Setup',
      '- [ ] 1. Create the repo',
      '- [x] 2. Add CI',
      '',
      '## Launch',
      '1. [ ] Write the docs',
      '2. [x] Publish the site',
    );
    expect((await readTasks(plan)).map((t) => t.idFromFile)).toEqual([false, false, false, false]);
  });

  it('keeps those ids beside a numbered list of another kind that starts at 1 again', async () => {
    const plan = doc(
      '# Plan',
      '',
      '## Tasks',
      '- [x] 1. Set up the API',
      '- [ ] 2. Build the editor',
      '',
      '## Phase 2',
      '1. **Pick hosting**',
      '',
      '## Phase 3',
      '1. **Ship it**',
    );
    const tasks = await readTasks(plan);
    expect(tasks.map((t) => [t.idFromFile, t.id.startsWith('@') ? '@' : t.id, t.title])).toEqual([
      [true, '1', 'Set up the API'],
      [true, '2', 'Build the editor'],
      [false, '@', 'Pick hosting'],
      [false, '@', 'Ship it'],
    ]);
  });

  it('does not take a bold alert before a colon for the whole title', async () => {
    const [task] = await readTasks(doc('# Ops', '', '- [ ] **URGENT REVIEW NEEDED**: Compare the backup volumes'));
    expect(task!.title).toBe('Compare the backup volumes');
    expect(task!.notes).toContain('URGENT REVIEW NEEDED');
  });
});

describe('the status the words say', () => {
  it('takes an explicit phrase beside a generic mark over the mark, keeping the words in notes', async () => {
    const tasks = await readTasks(
      doc(
        '# Yard',
        '',
        '- [x] Rebuild the bays ✓ **PARTIALLY DONE**',
        '- [ ] Lay turf (SKIPPED - keeping gravel)',
        '- 🚧 v2 app (blocked on step 4)',
        '- [ ] Build the shed *(blocked: timber delivery)*',
        '- [ ] Paint the door — completed 2026-03-04',
      ),
    );
    expect(tasks.map((t) => [t.title, t.status])).toEqual([
      ['Rebuild the bays', 'in-progress'],
      ['Lay turf', 'cancelled'],
      ['v2 app', 'blocked'],
      ['Build the shed', 'blocked'],
      ['Paint the door', 'pending'],
    ]);
    expect(tasks[2]!.notes).toContain('on step 4');
    expect(tasks[3]!.notes).toContain('timber delivery');
    expect(tasks[1]!.notes).toContain('keeping gravel');
  });

  it('reads a stop mark with the word that says how the work stopped', async () => {
    const tasks = await readTasks(
      doc('# Plan', '', '| Task | Status |', '|---|---|', '| Print flyers | ⛔ Cancelled |', '| Book the hall | ⛔ Blocked |', '| Hire a van | Parked |'),
    );
    expect(tasks.map((t) => t.status)).toEqual(['cancelled', 'blocked', 'blocked']);
  });

  it('reads ✗ and ✘ as not done, and a Dropped result in a Done table as cancelled', async () => {
    const marks = await readTasks(doc('# Plan', '', '- ✗ Paint the fence', '- ✘ Oil the gate (WIP)', '- ✓ Mow the lawn'));
    expect(marks.map((t) => [t.title, t.status])).toEqual([
      ['Paint the fence', 'pending'],
      ['Oil the gate', 'in-progress'],
      ['Mow the lawn', 'done'],
    ]);
    const done = await readTasks(
      doc('# Log', '', '## Done', '', '| Item | Result |', '|---|---|', '| Move the shed | Moved on 3 May |', '| Add a pond | Dropped — too costly |'),
    );
    expect(done.map((t) => [t.title, t.status])).toEqual([
      ['Move the shed', 'done'],
      ['Add a pond', 'cancelled'],
    ]);
  });
});

describe('fields wherever a heading task writes them', () => {
  it('reads the status from one of several bold fields in a wrapped paragraph under the heading', async () => {
    const tasks = await readTasks(
      doc(
        '# Bugs',
        '',
        '### BUG-12: Login times out',
        '',
        '**Priority:** High **Status:** Open **Reported:**',
        '2025-06-02',
        '',
        '### BUG-13: Logo is blurry',
        '',
        '**Severity:** Low',
        '**Priority:** Low **Status:** Fixed',
      ),
    );
    expect(tasks.map((t) => [t.id, t.title, t.status, t.statusText])).toEqual([
      ['BUG-12', 'Login times out', 'pending', 'Open'],
      ['BUG-13', 'Logo is blurry', 'done', 'Fixed'],
    ]);
  });

  it('reads the owner of a heading task from an Owner, Assignee or Agent field line under it', async () => {
    const tasks = await readTasks(
      doc(
        '# Work',
        '',
        '### API-1: Add login',
        '',
        '**Status:** Open',
        '**Agent:** api-worker',
        '',
        '### API-2: Add logout',
        '',
        '- **Status:** Open',
        '- **Owner:** ana',
        '',
        '### API-3: Audit the logs',
        '',
        '- Статус: Open',
        '- Исполнитель: Иван Петров',
        '',
        '### API-4: Rotate keys',
        '',
        '**Priority:** Low **Assignee:** `bo` **Status:** Open',
        '',
        '### API-5: Nobody yet',
        '',
        '**Status:** Open',
        '**Owner:** TBD',
      ),
    );
    expect(tasks.map((t) => [t.id, t.status, t.owner])).toEqual([
      ['API-1', 'pending', 'api-worker'],
      ['API-2', 'pending', 'ana'],
      ['API-3', 'pending', 'Иван Петров'],
      ['API-4', 'pending', 'bo'],
      ['API-5', 'pending', null],
    ]);
  });
});
