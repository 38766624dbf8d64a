// The filters on the typed fields (--due, --overdue, --priority, --tag) and
// `next`'s order by priority then due date, in-process with a fixed "today"
// (SOURCE_DATE_EPOCH: 2025-03-12, a Wednesday).
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/run.js';
import { runCli } from '../helpers/cli.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const file = join(tmp.dir, 'PLAN.md');
const PLAN = [
  '# Plan',
  '',
  '| ID | Task | Status | Due | Priority | Tags |',
  '|----|------|--------|-----|----------|------|',
  '| 1 | Alpha | pending | 2025-03-10 | Low | api |',
  '| 2 | Beta | pending | 2025-03-14 | High | web, api |',
  '| 3 | Gamma | done | 2025-03-01 | High | |',
  '| 4 | Delta | pending | 2025-03-18 | Critical | |',
  '| 5 | Epsilon | pending | 2025-03-12 | | ops |',
  '| 6 | Zeta | pending | | High | |',
  '',
].join('\n');
writeFileSync(file, PLAN);
const EPOCH = String(Date.UTC(2025, 2, 12, 12) / 1000);

async function ids(...args: string[]): Promise<string[]> {
  const r = await runCli(['-f', file, 'list', ...args, '--json'], { env: { SOURCE_DATE_EPOCH: EPOCH } });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout).tasks.map((t: { id: string }) => t.id);
}

describe('filters on dates, priorities and tags', () => {
  it('--due today, tomorrow, this-week, next-week', async () => {
    expect(await ids('--due', 'today')).toEqual(['5']);
    expect(await ids('--due', 'tomorrow')).toEqual([]);
    expect(await ids('--due', 'this-week')).toEqual(['1', '2', '5']);
    expect(await ids('--due', 'next-week')).toEqual(['4']);
  });

  it('--due a date, a month and ranges with open ends', async () => {
    expect(await ids('--due', '2025-03-14')).toEqual(['2']);
    expect(await ids('--due', '2025-03')).toEqual(['1', '2', '3', '4', '5']);
    expect(await ids('--due', '2025-03-11..2025-03-14')).toEqual(['2', '5']);
    expect(await ids('--due', '..2025-03-10')).toEqual(['1', '3']);
    expect(await ids('--due', '2025-03-15..')).toEqual(['4']);
  });

  it('--overdue: due before today, and not done', async () => {
    expect(await ids('--overdue')).toEqual(['1']);
  });

  it('--priority keeps that level and above', async () => {
    expect(await ids('--priority', 'high')).toEqual(['2', '3', '4', '6']);
    expect(await ids('--priority', 'highest')).toEqual(['4']);
    expect(await ids('--priority', 'P0')).toEqual(['4']);
  });

  it('--tag: a comma list or a repeated flag, any of them', async () => {
    expect(await ids('--tag', 'api')).toEqual(['1', '2']);
    expect(await ids('--tag', 'web,ops')).toEqual(['2', '5']);
    expect(await ids('--tag', 'web', '--tag', '#ops')).toEqual(['2', '5']);
  });

  it('filters combine with AND', async () => {
    expect(await ids('--tag', 'api', '--priority', 'high')).toEqual(['2']);
  });

  it('refuses a --due or --priority it cannot read (usage, exit 2)', async () => {
    const due = await runCli(['-f', file, 'list', '--due', 'someday'], { env: { SOURCE_DATE_EPOCH: EPOCH } });
    expect([due.code, due.stdout]).toEqual([2, '']);
    expect(due.stderr).toMatch(/--due takes today/);
    const prio = await runCli(['-f', file, 'list', '--priority', 'urgentish']);
    expect([prio.code, prio.stdout]).toEqual([2, '']);
    expect(prio.stderr).toMatch(/--priority takes/);
  });

  it('next orders equal candidates by priority, then due date, and says so', async () => {
    const r = await runCli(['-f', file, 'next', '--json'], { env: { SOURCE_DATE_EPOCH: EPOCH } });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).task.id).toBe('4');
    const high = await runCli(['-f', file, 'next', '--priority', 'high', '--tag', 'web,api', '--json'], { env: { SOURCE_DATE_EPOCH: EPOCH } });
    expect(JSON.parse(high.stdout).task.id).toBe('2');
    const plain = await runCli(['-f', file, 'next', '--priority', 'high', '--due', '..2025-03-31'], { env: { SOURCE_DATE_EPOCH: EPOCH } });
    expect(plain.stdout).toMatch(/reason\tpicked because it is pending, priority Critical/);
  });

  it('tie on priority: the earlier due date wins, and the reason names it', async () => {
    const f2 = join(tmp.dir, 'TIE.md');
    writeFileSync(f2, ['- [ ] Later ⏫ 📅 2025-03-20', '- [ ] Sooner ⏫ 📅 2025-03-13', '- [ ] Undated ⏫', ''].join('\n'));
    const r = await runCli(['-f', f2, 'next', '--plain'], { env: { SOURCE_DATE_EPOCH: EPOCH } });
    expect(r.stdout).toMatch(/title\tSooner\n/);
    expect(r.stdout).toMatch(/reason\tpicked because it is pending, priority ⏫, due 2025-03-13\n/);
  });

  it('reading never changes the file', () => {
    expect(readFileSync(file, 'utf8')).toBe(PLAN);
  });
});

describe('JSON shape', () => {
  it('every task has priorityLevel, due, scheduled, start, doneDate and tags (schemaVersion 3)', async () => {
    const r = await runCli(['-f', file, 'list', '--json']);
    const out = JSON.parse(r.stdout);
    expect(out.schemaVersion).toBe(3);
    expect(out.tasks[1]).toMatchObject({
      id: '2',
      priority: 'High',
      priorityLevel: 'high',
      due: '2025-03-14',
      scheduled: null,
      start: null,
      doneDate: null,
      tags: ['web', 'api'],
    });
    expect(out.tasks[5]).toMatchObject({ id: '6', due: null, tags: [] });
  });
});

describe('writes keep the markers', () => {
  it('set on an Obsidian item keeps its due date byte for byte', async () => {
    const f3 = join(tmp.dir, 'OBS.md');
    writeFileSync(f3, '# Tasks\n\n- [ ] Pay rent 📅 2025-01-30\n');
    const r = await runCli(['-f', f3, 'list', '--json']);
    const id = JSON.parse(r.stdout).tasks[0].id;
    const set = await runCli(['-f', f3, 'set', id, 'done', '--no-touch']);
    expect(set.code).toBe(0);
    expect(readFileSync(f3, 'utf8')).toBe('# Tasks\n\n- [x] Pay rent 📅 2025-01-30\n');
  });
});

describe('views show due dates and priorities', () => {
  it('TSV: due and priority are new columns at the end', async () => {
    const r = await runCli(['-f', file, 'list', '--plain']);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('id\tkind\tstatus\ttitle\towner\tnotes\tsprint\tweek\tmonth\tphase\tline\tdue\tpriority');
    expect(lines[2]).toBe('2\ttask\tpending\tBeta\t\t\t\t\t\t\t6\t2025-03-14\tHigh');
  });

  it('terminal: DUE and PRI columns where some task has them', async () => {
    const r = await runCli(['-f', file, 'list', '--no-color'], { isTTY: true, columns: 80 });
    expect(r.stdout.split('\n')[0]).toMatch(/^ID +STATUS +DUE +PRI +TITLE$/);
    expect(r.stdout).toMatch(/\n2 +○ pending +2025-03-14 +high +Beta\n/);
  });

  it('show lists the typed fields the task has', async () => {
    const r = await runCli(['-f', file, 'show', '2', '--plain']);
    expect(r.stdout).toMatch(/\ndue\t2025-03-14\npriorityLevel\thigh\ntags\tweb, api\nlocation\t/);
  });
});
