// The fields people plan with, read into typed task fields: dates (due,
// scheduled, start, done on) in the forms files write them, priorities on one
// scale, and tags. Synthetic files, one notation each.
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPlan } from '../../src/load/load.js';
import { dateText, resolveDate } from '../../src/read/fields.js';
import { priorityLevel } from '../../src/read/priority.js';
import { tempDir } from '../helpers/run.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;

async function read(markdown: string) {
  const path = join(tmp.dir, `plan-${n++}.md`);
  writeFileSync(path, markdown);
  return (await loadPlan(path, false, false)).plan;
}

const pick = (t: { title: string; due?: string; scheduled?: string; start?: string; doneDate?: string }) => ({
  title: t.title,
  due: t.due,
  scheduled: t.scheduled,
  start: t.start,
  doneDate: t.doneDate,
});

describe('date columns', () => {
  it('reads Due, Start and Completed columns in the common forms', async () => {
    const plan = await read(
      [
        '| ID | Task | Status | Start | Deadline | Completed |',
        '|----|------|--------|-------|----------|-----------|',
        '| 1 | Iso | done | 2025-03-01 | 2025-03-14 | 2025-03-13 |',
        '| 2 | Dotted | pending | 01.03.2025 | 14.03.2025 | |',
        '| 3 | Named | pending | 1 Mar 2025 | Mar 14, 2025 | |',
        '| 4 | Week | pending | 2025-W11 | 2025-W11 | |',
        '| 5 | Quarter | pending | Q2 2025 | Q2 2025 | |',
        '',
      ].join('\n'),
    );
    expect(plan.tasks.map(pick)).toEqual([
      { title: 'Iso', start: '2025-03-01', due: '2025-03-14', doneDate: '2025-03-13', scheduled: undefined },
      { title: 'Dotted', start: '2025-03-01', due: '2025-03-14', doneDate: undefined, scheduled: undefined },
      { title: 'Named', start: '2025-03-01', due: '2025-03-14', doneDate: undefined, scheduled: undefined },
      { title: 'Week', start: '2025-03-10', due: '2025-03-16', doneDate: undefined, scheduled: undefined },
      { title: 'Quarter', start: '2025-04-01', due: '2025-06-30', doneDate: undefined, scheduled: undefined },
    ]);
  });

  it('reads a date column named in another language the reader knows', async () => {
    const plan = await read(['| ID | Tarea | Estado | Fecha límite |', '|---|---|---|---|', '| 1 | Uno | pendiente | 2025-03-14 |', ''].join('\n'));
    expect(plan.tasks[0]!.due).toBe('2025-03-14');
  });

  it('reads 3/4/2025 in the order the file’s other dates decide (day first here)', async () => {
    const plan = await read(
      ['| ID | Task | Status | Due |', '|---|---|---|---|', '| 1 | A | pending | 25/03/2025 |', '| 2 | B | pending | 03/04/2025 |', ''].join('\n'),
    );
    expect(plan.tasks.map((t) => t.due)).toEqual(['2025-03-25', '2025-04-03']);
  });

  it('reads 3/4/2025 month first where another date says so', async () => {
    const plan = await read(
      ['| ID | Task | Status | Due |', '|---|---|---|---|', '| 1 | A | pending | 3/25/2025 |', '| 2 | B | pending | 3/4/2025 |', ''].join('\n'),
    );
    expect(plan.tasks.map((t) => t.due)).toEqual(['2025-03-25', '2025-03-04']);
  });

  it('leaves 03/04/2025 unread where nothing decides, and check reports it', async () => {
    const plan = await read(['| ID | Task | Status | Due |', '|---|---|---|---|', '| 1 | A | pending | 03/04/2025 |', ''].join('\n'));
    expect(plan.tasks[0]!.due).toBeUndefined();
    expect(plan.problems.map((p) => [p.code, p.line])).toEqual([['ambiguous-date', 3]]);
  });

  it('gives Mar 14 the year of the file’s other dates, and leaves it where there are none', async () => {
    const dated = await read(
      ['| ID | Task | Status | Due |', '|---|---|---|---|', '| 1 | A | pending | 2025-01-10 |', '| 2 | B | pending | Mar 14 |', ''].join('\n'),
    );
    expect(dated.tasks.map((t) => t.due)).toEqual(['2025-01-10', '2025-03-14']);
    const bare = await read(['| ID | Task | Status | Due |', '|---|---|---|---|', '| 1 | B | pending | Mar 14 |', ''].join('\n'));
    expect(bare.tasks[0]!.due).toBeUndefined();
    expect(bare.problems.map((p) => p.code)).toEqual(['ambiguous-date']);
  });
});

describe('inline dates', () => {
  it('reads Obsidian Tasks signifiers and takes them out of the title', async () => {
    const plan = await read(
      [
        '# Tasks',
        '',
        '- [x] Pay rent 📅 2025-01-30 ✅ 2025-01-29',
        '- [ ] Plan trip ⏳ 2025-04-01 🛫 2025-03-20 ➕ 2025-01-01',
        '- [-] Old thing ❌ 2025-02-02',
        '',
      ].join('\n'),
    );
    expect(plan.tasks.map(pick)).toEqual([
      { title: 'Pay rent', due: '2025-01-30', doneDate: '2025-01-29', scheduled: undefined, start: undefined },
      { title: 'Plan trip', scheduled: '2025-04-01', start: '2025-03-20', due: undefined, doneDate: undefined },
      { title: 'Old thing', doneDate: '2025-02-02', due: undefined, scheduled: undefined, start: undefined },
    ]);
  });

  it('reads todo.txt due: and t:, and (due …)', async () => {
    const plan = await read(['# Todo', '', '- [ ] Write report due:2025-03-14 t:2025-03-10', '- [ ] Call back (due 2025-03-20)', ''].join('\n'));
    expect(plan.tasks.map(pick)).toEqual([
      { title: 'Write report', due: '2025-03-14', scheduled: '2025-03-10', start: undefined, doneDate: undefined },
      { title: 'Call back', due: '2025-03-20', scheduled: undefined, start: undefined, doneDate: undefined },
    ]);
  });

  it('reads **Due:** and **Priority:** field lines under a heading task', async () => {
    const plan = await read(
      [
        '# Bugs',
        '',
        '### BUG-001: Login fails',
        '',
        '**Status:** Open',
        '**Due:** 2025-03-14',
        '**Priority:** High',
        '',
        '### BUG-002: Logout',
        '',
        '**Status:** Fixed',
        '',
      ].join('\n'),
    );
    const bug = plan.tasks.find((t) => t.id === 'BUG-001')!;
    expect([bug.due, bug.priority, bug.priorityLevel]).toEqual(['2025-03-14', 'High', 'high']);
  });
});

describe('priorities', () => {
  it.each([
    ['High', 'high'],
    ['🔴 Critical', 'highest'],
    ['P0', 'highest'],
    ['P3', 'low'],
    ['(A)', 'highest'],
    ['(C)', 'medium'],
    ['⏫', 'high'],
    ['⏬', 'lowest'],
    ['Medium', 'medium'],
    ['alta', 'high'],
    ['must', null],
  ])('%s → %s', (text, level) => {
    expect(priorityLevel(text)).toBe(level);
  });

  it('reads Obsidian marks and todo.txt (A) off the item, keeping the text', async () => {
    const plan = await read(['# Tasks', '', '- [ ] Call bank ⏫', '- [ ] (B) Pay tax', '- [ ] Plain', ''].join('\n'));
    expect(plan.tasks.map((t) => [t.title, t.priority, t.priorityLevel])).toEqual([
      ['Call bank', '⏫', 'high'],
      ['Pay tax', '(B)', 'high'],
      ['Plain', null, undefined],
    ]);
  });
});

describe('tags', () => {
  it('reads #tags in titles, but not #12, code, links or C#', async () => {
    const plan = await read(['# Tasks', '', '- [ ] Fix login #backend #auth-v2 (see #12)', '- [ ] Port to C# `#notatag` [a #b](http://x/#y)', ''].join('\n'));
    expect(plan.tasks.map((t) => t.tags)).toEqual([['backend', 'auth-v2'], undefined]);
    expect(plan.tasks[0]!.title).toContain('#backend');
  });

  it('reads a Tags or Labels column', async () => {
    const plan = await read(
      ['| ID | Task | Status | Labels |', '|---|---|---|---|', '| 1 | A | pending | api, web |', '| 2 | B | pending | #ops ui |', ''].join('\n'),
    );
    expect(plan.tasks.map((t) => t.tags)).toEqual([
      ['api', 'web'],
      ['ops', 'ui'],
    ]);
  });

  it('reads todo.txt +project and @context, and keeps a trailing @name as the owner', async () => {
    const plan = await read(['# Todo', '', '- [ ] (A) Write report +work @office due:2025-03-14', '- [ ] Review PR @ana', ''].join('\n'));
    expect(plan.tasks.map((t) => [t.tags, t.owner])).toEqual([
      [['work', 'office'], null],
      [undefined, 'ana'],
    ]);
  });
});

describe('date texts', () => {
  it('takes the end of a range for a due date and its start for a start date', () => {
    expect(resolveDate('Q1 2025', 'due', { dayFirst: null, year: null })).toBe('2025-03-31');
    expect(resolveDate('Q1 2025', 'start', { dayFirst: null, year: null })).toBe('2025-01-01');
    expect(dateText('no date here')).toBeNull();
    expect(dateText('2025-02-30')).toBeNull();
  });
});
