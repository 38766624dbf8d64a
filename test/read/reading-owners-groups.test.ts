// Owners and groups as teams write them (issue 20): who a section's tasks are
// for, and which heading groups them. Small synthetic plans; each rule failed
// before the reader learnt it.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { planOf } from '../helpers/inproc.js';
import { planFiles } from '../helpers/read-plan.js';
import { runCli } from '../helpers/cli.js';

const { planFile, readTasks } = planFiles();

async function tasksOf(markdown: string) {
  return (await planOf(markdown)).tasks.map((t) => ({ title: t.title, owner: t.owner ?? null, group: t.group }));
}

const doc = (...lines: string[]) => [...lines, ''].join('\n');

describe('a bold label over a list', () => {
  it('says what kind of list follows: the heading it is under groups the items', async () => {
    const tasks = await tasksOf(
      doc(
        '# Work split',
        '',
        '## Data model',
        '',
        '**Deliverables:**',
        '- [ ] Review the schema',
        '- [x] Draw the diagram',
        '',
        '## Bulk load',
        '',
        '**Checklist**:',
        '- [ ] Write the seed script',
      ),
    );
    expect(tasks.map((t) => t.group)).toEqual(['Data model', 'Data model', 'Bulk load']);
  });

  it('still groups the list when it names an entry of its own (a date, a mark)', async () => {
    const tasks = await tasksOf(
      doc(
        '# Log',
        '',
        '## Summary',
        '',
        '**Latest updates** (25 Dec): 🆕',
        '- [x] Ship the importer',
        '',
        '**Earlier updates** (20 Dec):',
        '- [x] Fix the export',
      ),
    );
    expect(tasks.map((t) => t.group)).toEqual(['Latest updates (25 Dec)', 'Earlier updates (20 Dec)']);
  });
  it('groups the list as a small heading does when it is a name of several words with no colon (`**Command System & Parser**`)', async () => {
    const tasks = await tasksOf(
      doc('# Goals', '', '## Goals', '', '**Command System & Parser**', '- [x] Split the parser', '', '**Calibration**', '- [ ] Store the offsets'),
    );
    expect(tasks.map((t) => t.group)).toEqual(['Command System & Parser', 'Goals']);
  });
});

describe('an owner line at the top of a section', () => {
  it('gives the owner of the items below it that name no one themselves, and a handle after a dash only repeats who', async () => {
    const tasks = await tasksOf(
      doc(
        '# Work split',
        '',
        '## Stream A',
        '',
        '**Owner:** Federico — [@fede](https://example.com/fede)',
        '',
        '- [ ] Review the schema',
        '- [ ] Draw the diagram @ana',
        '',
        '## Stream B',
        '',
        '- [ ] Write the seed script',
      ),
    );
    expect(tasks.map((t) => [t.title, t.owner])).toEqual([
      ['Review the schema', 'Federico'],
      ['Draw the diagram', 'ana'],
      ['Write the seed script', null],
    ]);
  });

  it('names the owner of a heading task only, not of the parts listed under it', async () => {
    const tasks = await tasksOf(
      doc('# Tasks', '', '## TASK-001: Set up the project', '', '**Owner:** Claude', '', '- [x] Create the repository', '- [ ] Add CI'),
    );
    expect(tasks.map((t) => [t.title, t.owner])).toEqual([
      ['Set up the project', 'Claude'],
      ['Create the repository', null],
      ['Add CI', null],
    ]);
  });
});

describe('an owner named in brackets in a part heading', () => {
  it('is the owner of the items under it (the first name, up to another person or an aside); an item naming one keeps it', async () => {
    const tasks = await tasksOf(
      doc(
        '# Plan',
        '',
        '## Part 1 — Rebuild the spec (Owner: Ana / review: Ben)',
        '',
        '### 1.1 Sources',
        '- [x] Gather the PDFs',
        '- [ ] Check the tables @carl',
        '',
        '## Part 2 — Audit (Assignee: Dana — runs delegated)',
        '- [ ] Compare the parser',
        '',
        '## Part 3 (draft)',
        '- [ ] Write the notes',
      ),
    );
    expect(tasks.map((t) => [t.title, t.owner])).toEqual([
      ['Gather the PDFs', 'Ana'],
      ['Check the tables', 'carl'],
      ['Compare the parser', 'Dana'],
      ['Write the notes', null],
    ]);
  });
});

describe('a count badge closing a section heading', () => {
  it('in square brackets is generated from the items, not part of the group; in round brackets it stays', async () => {
    const tasks = await tasksOf(
      doc(
        '# Board',
        '',
        '## [Epic 3: Billing](epics/3.md) `[1/4 Items]`',
        '',
        '- [ ] Send invoices',
        '',
        '## Épica 5: Informes [2/2]',
        '',
        '- [x] Exportar a PDF',
        '',
        '## Stage 2 (3/7)',
        '',
        '- [ ] Wire the alerts',
      ),
    );
    expect(tasks.filter((t) => t.group !== 'Board').map((t) => [t.title, t.group])).toEqual([
      ['Send invoices', 'Epic 3: Billing'],
      ['Exportar a PDF', 'Épica 5: Informes'],
      ['Wire the alerts', 'Stage 2 (3/7)'],
    ]);
  });
});

describe('a handle in brackets before an item’s words', () => {
  const PLAN = doc(
    '## Scripts',
    '',
    '- [ ] (@Sheena) create the training script',
    '- [x] [@zach] add the scripts to the makefile',
    '- [ ] () sanity check the results',
    '- [ ] () => a callback, not an empty slot',
  );

  it('names who does it, and is not part of the title; an empty slot names no one', async () => {
    expect((await readTasks(PLAN)).map((t) => [t.title, t.owner])).toEqual([
      ['create the training script', 'Sheena'],
      ['add the scripts to the makefile', 'zach'],
      ['sanity check the results', null],
      ['() => a callback, not an empty slot', null],
    ]);
  });

  it('is where set --owner and edit --owner write the owner; set and edit --title keep it', async () => {
    const path = planFile(PLAN);
    expect((await runCli(['-f', path, 'set', 'create the training script', 'done', '--owner', 'ana'])).code).toBe(0);
    expect((await runCli(['-f', path, 'edit', 'sanity check the results', '--owner', 'bo'])).code).toBe(0);
    expect((await runCli(['-f', path, 'edit', 'add the scripts to the makefile', '--title', 'add the make targets'])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(
      PLAN.replace('- [ ] (@Sheena) create', '- [x] (@ana) create')
        .replace('() sanity', '(@bo) sanity')
        .replace('add the scripts to the makefile', 'add the make targets'),
    );
    expect((await runCli(['-f', path, 'edit', 'add the make targets', '--owner', ''])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toContain('- [x] add the make targets\n');
  });
});

describe('an owner lead, read and written where the raw words start', () => {
  it('reads the same lead the writers write, whatever markup follows it; a claim’s mark after the words names a later owner', async () => {
    const plan = doc('- [ ] (@ana) *#1 thing*', '- [ ] 🔄 [@bo] Ship it', '- [ ] (@cy) Build it @dan', '- [ ] ⏫ (@ed) Prio first');
    expect((await readTasks(plan)).map((t) => [t.title, t.owner])).toEqual([
      ['#1 thing', 'ana'],
      ['Ship it', 'bo'],
      ['Build it', 'dan'],
      // Not where the words start (a priority mark before it): words of the title, as the writers see them.
      ['(@ed) Prio first', null],
    ]);
  });

  it('is rewritten by edit whatever the title says, and emptied with a claim’s mark when the owner is cleared', async () => {
    const plan = doc('- [ ] (@ana) *#1 thing*', '- [ ] 🔄 [@bo] Ship it', '- [ ] (@cy) Build it @dan', '- [ ] (@ed) Write docs');
    const path = planFile(plan);
    expect((await runCli(['-f', path, 'edit', '#1 thing', '--owner', 'bo'])).code).toBe(0);
    expect((await runCli(['-f', path, 'edit', 'Ship it', '--title', 'Ship'])).code).toBe(0);
    expect((await runCli(['-f', path, 'edit', 'Build it', '--owner', ''])).code).toBe(0);
    expect((await runCli(['-f', path, 'edit', 'Write docs', '--title', '#2 docs'])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(doc('- [ ] (@bo) *#1 thing*', '- [ ] 🔄 [@bo] Ship', '- [ ] () Build it', '- [ ] (@ed) #2 docs'));
    expect((await readTasks(readFileSync(path, 'utf8'))).map((t) => [t.title, t.owner])).toEqual([
      ['#1 thing', 'bo'],
      ['Ship', 'bo'],
      ['Build it', null],
      ['#2 docs', 'ed'],
    ]);
  });
});

describe('an owner lead in square brackets, emptied', () => {
  it('goes whole, so that no `[]` is left to read as an open box', async () => {
    const path = planFile(doc('- [@ana] Build the form ✅', '- [ ] (@bo) Ship it'));
    expect((await runCli(['-f', path, 'edit', 'Build the form', '--owner', ''])).code).toBe(0);
    expect((await runCli(['-f', path, 'edit', 'Ship it', '--owner', ''])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(doc('- Build the form ✅', '- [ ] () Ship it'));
    expect((await readTasks(readFileSync(path, 'utf8'))).map((t) => [t.title, t.status, t.owner])).toEqual([
      ['Build the form', 'done', null],
      ['Ship it', 'pending', null],
    ]);
  });
});

describe('a new title or notes that would name an owner', () => {
  it('is refused with one line, and nothing is written: the owner has --owner', async () => {
    const plan = doc('- [ ] Build the form', '- [ ] (@ana) Ship it');
    const path = planFile(plan);
    for (const args of [
      ['Build the form', '--title', '(@zed) New words'],
      ['Build the form', '--title', 'Ping @bo'],
      ['Build the form', '--notes', 'ask @bo'],
      ['Ship it', '--title', '[@zed] Ship'],
    ]) {
      const r = await runCli(['-f', path, 'edit', ...args]);
      expect([r.code, r.stderr], args.join(' ')).toEqual([
        1,
        expect.stringMatching(/would read as naming an owner.*nothing was written, set the owner with --owner\n$/),
      ]);
    }
    expect(readFileSync(path, 'utf8')).toBe(plan);
  });
});

describe('a Contact column', () => {
  it('names the owner (`Primary Contact`, `Point of contact`): the person who answers for the work', async () => {
    const tasks = await tasksOf(
      doc('# Roadmap', '', '| Feature | Status | Primary Contact |', '|---|---|---|', '| Identity | Complete | Darian Plumb |', '| Search | Planned | Shawn |'),
    );
    expect(tasks.map((t) => [t.title, t.owner])).toEqual([
      ['Identity', 'Darian Plumb'],
      ['Search', 'Shawn'],
    ]);
    // A customer's contact, or a contact field under an item, is how to reach someone: no owner.
    const other = await tasksOf(
      doc(
        '# Jobs',
        '',
        '| Job | Status | Customer contact |',
        '|---|---|---|',
        '| Fit the sink | Todo | Hank Scorpio |',
        '',
        '- [ ] Book the venue',
        '  - Contact: Maria, 555-0101',
      ),
    );
    expect(other.map((t) => t.owner)).toEqual([null, null]);
  });
});
