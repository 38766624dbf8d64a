// Reading rules of issue 20 (items 2 and 3): every task a person sees, and only
// tasks. Small plans written the way real files write them; each rule here
// failed before the reader learnt it.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPlan } from '../../src/load/load.js';
import { tempDir, writeTemp } from '../helpers/run.js';
import { runCli } from '../helpers/cli.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;

async function tasksOf(markdown: string) {
  const path = join(tmp.dir, `plan-${n++}.md`);
  writeFileSync(path, markdown);
  const { plan } = await loadPlan(path, false, false);
  return plan.tasks.map((t) => ({ line: t.line, id: t.id, title: t.title, status: t.status, owner: t.owner }));
}

const doc = (...lines: string[]) => [...lines, ''].join('\n');

/** Runs `plan -f plan.md …args` on a copy of `text`; returns the result and the bytes after. */
async function write(text: string, args: string[]) {
  const t = writeTemp(text);
  try {
    const r = await runCli(['-f', 'plan.md', ...args], { cwd: t.dir });
    return { ...r, after: readFileSync(t.file, 'utf8') };
  } finally {
    t.cleanup();
  }
}

describe('a table continued after a note', () => {
  const table = [
    '# Kitchen',
    '',
    '## Tasks',
    '',
    '| ID | Task | Owner | Status |',
    '|----|------|-------|--------|',
    '| K-1 | Buy tiles | Ana | done |',
    '| K-2 | Plumbing | Bo | doing |',
    '',
  ];

  it('keeps the columns of the table above: its rows are tasks', async () => {
    const tasks = await tasksOf(doc(...table, '**Note: supplier changed.**', '', '| K-3 | Fit the sink | Ana | doing |', '| K-4 | Grout | Bo | todo |'));
    expect(tasks.map((t) => [t.line, t.id, t.title, t.owner, t.status])).toEqual([
      [7, 'K-1', 'Buy tiles', 'Ana', 'done'],
      [8, 'K-2', 'Plumbing', 'Bo', 'in-progress'],
      [12, 'K-3', 'Fit the sink', 'Ana', 'in-progress'],
      [13, 'K-4', 'Grout', 'Bo', 'pending'],
    ]);
  });

  it('also after a blank line alone', async () => {
    const tasks = await tasksOf(doc(...table, '| K-3 | Fit the sink | Ana | doing |'));
    expect(tasks.map((t) => t.id)).toEqual(['K-1', 'K-2', 'K-3']);
  });

  it('not when a heading, a list or a longer text comes between, or the columns differ', async () => {
    for (const between of [
      ['## Later', ''],
      ['- a list item', ''],
      ['One paragraph.', '', 'And another one.', ''],
    ]) {
      const tasks = await tasksOf(doc(...table, ...between, '| K-3 | Fit the sink | Ana | doing |'));
      expect(tasks.map((t) => t.id)).toEqual(['K-1', 'K-2']);
    }
    const tasks = await tasksOf(doc(...table, '| K-3 | Fit the sink | doing |'));
    expect(tasks.map((t) => t.id)).toEqual(['K-1', 'K-2']);
  });

  it('set writes a continued row in place', async () => {
    const text = doc(...table, '**Note: supplier changed.**', '', '| K-3 | Fit the sink | Ana | doing |');
    const r = await write(text, ['set', 'K-3', 'done', '--no-touch']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.after).toBe(text.replace('| K-3 | Fit the sink | Ana | doing |', '| K-3 | Fit the sink | Ana | done |'));
  });
});

describe('numbered headings beside heading tasks', () => {
  const steps = [
    '## Steps',
    '',
    '### 1. Site survey ✅',
    '',
    'Done last week.',
    '',
    '### 2. Foundations',
    '',
    'Pour the slab.',
    '',
    '### 3. Framing',
    '',
    'Walls up.',
    '',
  ];

  it('are tasks too, with the status a progress table gives them, or none', async () => {
    const tasks = await tasksOf(doc('# House', '', '| Step | Status |', '|------|--------|', '| 2. Foundations | Blocked (no permit) |', '', ...steps));
    expect(tasks.map((t) => [t.line, t.id, t.title, t.status])).toEqual([
      [9, '1', 'Site survey', 'done'],
      [13, '2', 'Foundations', 'blocked'],
      [17, '3', 'Framing', 'none'],
    ]);
  });

  it('as are `Phase N` headings beside a phase task', async () => {
    const tasks = await tasksOf(doc('# Roadmap', '', '## Phase 1: Alpha ✅', '', 'Shipped.', '', '## Phase 2: Beta', '', 'Next up.', ''));
    expect(tasks.map((t) => [t.line, t.id, t.title, t.status])).toEqual([
      [3, '1', 'Alpha', 'done'],
      [7, '2', 'Beta', 'none'],
    ]);
  });

  it('not when no sibling is a task', async () => {
    const tasks = await tasksOf(doc('# Guide', '', '## 1. Install', '', 'Run it.', '', '## 2. Configure', '', 'Edit it.'));
    expect(tasks).toEqual([]);
  });

  it('set writes a mark at the end of a heading task with no status place, as its siblings do', async () => {
    const text = doc('# House', '', ...steps);
    const r = await write(text, ['set', '3', 'done']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.after).toBe(text.replace('### 3. Framing', '### 3. Framing ✅'));
  });
});

describe('a "we are here" marker', () => {
  it('makes a numbered heading or an item in progress, and is not part of the title', async () => {
    const tasks = await tasksOf(
      doc(
        '# House',
        '',
        '### 1. Survey ✅',
        '',
        'Done.',
        '',
        '### 2. Framing <-- we are here',
        '',
        'Walls.',
        '',
        '## Stages',
        '',
        '- Dig ✅',
        '- Pour 👈 we are here',
        '- Cure',
      ),
    );
    expect(tasks.map((t) => [t.line, t.title, t.status])).toEqual([
      [3, 'Survey', 'done'],
      [7, 'Framing', 'in-progress'],
      [13, 'Dig', 'done'],
      [14, 'Pour', 'in-progress'],
    ]);
  });

  it('gives way to the status set', async () => {
    const text = doc('# House', '', '## Stages', '', '- Dig ✅', '- Pour ← we are here');
    const id = (await tasksOf(text)).find((t) => t.line === 6)!.id;
    const r = await write(text, ['set', id, 'done', '--no-touch']);
    expect(r.code).toBe(0);
    expect(r.after).toBe(text.replace('- Pour ← we are here', '- Pour ✅'));
  });
});

describe('marked bullets under a lead-in ending with a colon', () => {
  it('state what holds and what does not when they mix ✅ and ❌: not tasks', async () => {
    const tasks = await tasksOf(
      doc(
        '# Hosting',
        '',
        '## Plan',
        '',
        '- [ ] Pick a host',
        '',
        'Our hosting plan comes with:',
        '',
        '- ✅ Daily backups',
        '- ❌ Email hosting',
        '',
        '**Eligible orders:**',
        '- ✅ Paid by card',
        '- ❌ Gift cards',
      ),
    );
    expect(tasks.map((t) => t.title)).toEqual(['Pick a host']);
  });

  it('a plain lead-in line naming features states facts too (as a bold one does)', async () => {
    const tasks = await tasksOf(doc('# App', '', '## Sprint 2', '', 'Key features:', '', '- ✅ Offline mode', '- ✅ Sync'));
    expect(tasks).toEqual([]);
  });

  it('are still tasks with checkboxes or ids, or when only ticked', async () => {
    const tasks = await tasksOf(
      doc(
        '# App',
        '',
        '**Eligible orders:**',
        '- [x] ✅ Paid by card',
        '- [ ] ❌ Gift cards',
        '',
        '**Sprint 3:**',
        '- ✅ Build login',
        '- ✅ Build signup',
        '',
        '**Backlog:**',
        '- ✅ T-1 Build login',
        '- ❌ T-2 Build signup',
      ),
    );
    expect(tasks.map((t) => t.title)).toEqual(['Paid by card', 'Gift cards', 'Build login', 'Build signup', 'Build login', 'Build signup']);
  });

  it('writing a status that would turn a task into such a fact is refused', async () => {
    // The file writes blocked as ❌ (its own style), so a ticked bullet set blocked would be crossed.
    const text = doc('# App', '', '## Stuck', '', '- ❌ Deploy', '', '## Backend', '', 'This week:', '- ✅ Build login', '- ✅ Build signup');
    const id = (await tasksOf(text)).find((t) => t.title === 'Build login')!.id;
    const r = await write(text, ['set', id, 'blocked']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/would no longer read as a task.*nothing was written/);
    expect(r.after).toBe(text);
  });
});

describe('a detail bullet under a task', () => {
  it('is not a task because it ends with a (TODO: …) note', async () => {
    const tasks = await tasksOf(doc('# Work', '', '- [ ] Set up billing', '  - Uses Stripe (TODO: switch providers)', '  - [ ] Add invoices'));
    expect(tasks.map((t) => t.title)).toEqual(['Set up billing', 'Add invoices']);
  });
});

describe('a table of impediments, risks or blockers', () => {
  it('is a log, not a plan of work', async () => {
    for (const head of ['Impediment', 'Risk', 'Blocker']) {
      const tasks = await tasksOf(
        doc(
          '# Sprint',
          '',
          `| # | ${head} | Blocks | Owner | Status |`,
          '|---|---|---|---|---|',
          '| 1 | No permit | Foundations | Ana | Open |',
          '| 2 | Late tiles | Kitchen | Bo | Resolved |',
        ),
      );
      expect(tasks, head).toEqual([]);
    }
  });

  it('unless its rows carry ids of work', async () => {
    const tasks = await tasksOf(
      doc('# Sprint', '', '| ID | Risk | Owner | Status |', '|---|---|---|---|', '| R-1 | Vendor lock-in | Ana | Open |', '| R-2 | Data loss | Bo | Done |'),
    );
    expect(tasks.map((t) => t.id)).toEqual(['R-1', 'R-2']);
  });
});

describe('a bullet that is only a name in code', () => {
  it('is not an id’d task: an id needs a title after it', async () => {
    const tasks = await tasksOf(doc('# Stack', '', '## Compression', '', '* LZ4', '* ZSTD', '- GPU', '- [ ] #123', '- T-12 Fit the sink'));
    expect(tasks.map((t) => [t.id, t.title])).toEqual([
      ['#123', '#123'],
      ['T-12', 'Fit the sink'],
    ]);
  });
});
