// `--sort` on list and ready, and `plan agenda`, with a fixed "today"
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
  '## Sprint 1',
  '',
  '| ID | Task | Status | Due | Priority |',
  '|----|------|--------|-----|----------|',
  '| 1 | Alpha | pending | 2025-03-10 | Low |',
  '| 2 | Beta | pending | 2025-03-14 | High |',
  '| 3 | Gamma | done | 2025-03-01 | High |',
  '',
  '## Sprint 2',
  '',
  '| ID | Task | Status | Due | Priority |',
  '|----|------|--------|-----|----------|',
  '| 4 | Delta | pending | 2025-03-18 | Critical |',
  '| 5 | Epsilon | in-progress | 2025-03-12 | |',
  '| 6 | Zeta | pending | | High |',
  '| 7 | Eta | pending | 2025-03-14 | Critical |',
  '',
].join('\n');
writeFileSync(file, PLAN);
const EPOCH = String(Date.UTC(2025, 2, 12, 12) / 1000);
const env = { SOURCE_DATE_EPOCH: EPOCH };

async function ids(cmd: string, ...args: string[]): Promise<string[]> {
  const r = await runCli(['-f', file, cmd, ...args, '--json'], { env });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout).tasks.map((t: { id: string }) => t.id);
}

describe('--sort', () => {
  it('list --sort due: earliest first, undated last, ties in file order', async () => {
    expect(await ids('list', '--sort', 'due')).toEqual(['3', '1', '5', '2', '7', '4', '6']);
  });

  it('list --sort due,priority: the second key breaks ties of the first', async () => {
    expect(await ids('list', '--sort', 'due,priority')).toEqual(['3', '1', '5', '7', '2', '4', '6']);
    expect(await ids('list', '--sort', 'priority,due')).toEqual(['7', '4', '3', '2', '6', '1', '5']);
  });

  it('ready --sort due reorders what can start, --limit after the sort', async () => {
    expect(await ids('ready')).toEqual(['5', '7', '4', '2', '6', '1']);
    expect(await ids('ready', '--sort', 'due', '--limit', '3')).toEqual(['1', '5', '7']); // 7 and 2 tie: next's order (7 is Critical)
  });

  it('piped: the TSV rows in the sorted order', async () => {
    const r = await runCli(['-f', file, 'list', '--sort', 'due', '--status', 'open', '--fields', 'id,due'], { env });
    expect(r.stdout).toBe('id\tdue\n1\t2025-03-10\n5\t2025-03-12\n2\t2025-03-14\n7\t2025-03-14\n4\t2025-03-18\n6\t\n');
  });

  it('an unknown key is a usage error naming the keys', async () => {
    const r = await runCli(['-f', file, 'list', '--sort', 'due,size'], { env });
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe('plan: --sort takes due, priority, scheduled, start (comma-separated, the first decides), not "due,size"\n');
  });

  it('reading never changes the file', () => {
    expect(readFileSync(file, 'utf8')).toBe(PLAN);
  });
});

describe('plan agenda', () => {
  const agendaFile = join(tmp.dir, 'AGENDA.md');
  const AGENDA = [
    '# Week',
    '',
    '- [ ] Pay rent 📅 2025-03-10',
    '- [ ] File taxes 📅 2025-03-11 ⏫',
    '- [x] Old report 📅 2025-03-09',
    '- [/] Standup notes 📅 2025-03-12',
    '- [ ] Review PR 📅 2025-03-14',
    '- [ ] Plan sprint ⏳ 2025-03-13',
    '- [ ] Next month 📅 2025-04-02',
    '- [ ] Undated',
    '- [ ] Sunday chore 📅 2025-03-16',
    '',
  ].join('\n');
  writeFileSync(agendaFile, AGENDA);

  it('--json: the sections in order, each grouped by day, open tasks only (schemaVersion 3)', async () => {
    const r = await runCli(['-f', agendaFile, 'agenda', '--json'], { env });
    expect([r.code, r.stderr]).toEqual([0, '']);
    const out = JSON.parse(r.stdout);
    expect(out.schemaVersion).toBe(3);
    expect(out.today).toBe('2025-03-12');
    const shape = out.sections.map((s: { name: string; days: { date: string; tasks: { title: string }[] }[] }) => [
      s.name,
      s.days.map((d) => [d.date, d.tasks.map((t) => t.title)]),
    ]);
    expect(shape).toEqual([
      [
        'overdue',
        [
          ['2025-03-10', ['Pay rent']],
          ['2025-03-11', ['File taxes']],
        ],
      ],
      ['today', [['2025-03-12', ['Standup notes']]]],
      [
        'week',
        [
          ['2025-03-14', ['Review PR']],
          ['2025-03-16', ['Sunday chore']],
        ],
      ],
      ['scheduled', [['2025-03-13', ['Plan sprint']]]],
    ]);
  });

  it('piped: one TSV row per task with its section and day', async () => {
    const r = await runCli(['-f', agendaFile, 'agenda'], { env });
    expect(r.stdout.split('\n')[0]).toBe('section\tdate\tid\tstatus\ttitle\towner\tline');
    const rows = r.stdout
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t'));
    expect(rows.map((c) => [c[0], c[1], c[3], c[4], c[6]])).toEqual([
      ['overdue', '2025-03-10', 'pending', 'Pay rent', '3'],
      ['overdue', '2025-03-11', 'pending', 'File taxes', '4'],
      ['today', '2025-03-12', 'in-progress', 'Standup notes', '6'],
      ['week', '2025-03-14', 'pending', 'Review PR', '7'],
      ['week', '2025-03-16', 'pending', 'Sunday chore', '11'],
      ['scheduled', '2025-03-13', 'pending', 'Plan sprint', '8'],
    ]);
  });

  it('on a terminal: a heading per section with its count, a line per day, the tasks under it', async () => {
    const r = await runCli(['-f', file, 'agenda', '--no-color'], { env, isTTY: true, columns: 80 });
    expect(r.stdout).toBe(
      [
        'Overdue (1)',
        '  Mon 2025-03-10',
        '    1  ○ pending  Alpha',
        '',
        'Today (1)',
        '  Wed 2025-03-12',
        '    5  ▶ in progress  Epsilon',
        '',
        'This week (2)',
        '  Fri 2025-03-14',
        '    2  ○ pending  Beta',
        '    7  ○ pending  Eta',
        '',
      ].join('\n'),
    );
  });

  it('with nothing on it, says so; filters narrow it', async () => {
    const r = await runCli(['-f', file, 'agenda', '--no-color', '--sprint', '1', '--due', '2025-03-14'], { env, isTTY: true, columns: 80 });
    expect(r.stdout).toBe('This week (1)\n  Fri 2025-03-14\n    2  ○ pending  Beta\n');
    const none = await runCli(['-f', file, 'agenda', '--no-color', '--tag', 'nothing'], { env, isTTY: true, columns: 80 });
    expect(none.stdout).toBe(`Nothing overdue, due or scheduled this week in ${file} (today is Wed 2025-03-12).\n`);
  });
});

describe('summary counts overdue tasks', () => {
  it('per group and in the total: TSV, JSON and the terminal', async () => {
    const tsv = await runCli(['-f', file, 'summary'], { env });
    const rows = tsv.stdout.trimEnd().split('\n');
    expect(rows[0]!.split('\t').at(-1)).toBe('overdue');
    expect(rows.slice(1).map((r) => [r.split('\t')[3], r.split('\t').at(-1)])).toEqual([
      ['Sprint 1', '1'],
      ['Sprint 2', '0'],
      [file, '1'],
    ]);
    const json = JSON.parse((await runCli(['-f', file, 'summary', '--json'], { env })).stdout);
    expect([json.groups.map((g: { overdue: number }) => g.overdue), json.total.overdue]).toEqual([[1, 0], 1]);
    const term = await runCli(['-f', file, 'summary', '--no-color'], { env, isTTY: true, columns: 100 });
    const lines = term.stdout.split('\n');
    expect(lines[0]).toMatch(/^Sprint 1 .* ✔1 ○2 !1 overdue$/);
    expect(lines[1]).toMatch(/^Sprint 2 .* ▶1 ○3$/);
  });
});

describe('board marks overdue cards', () => {
  it('side by side: a `! due …` line under the card; TSV and JSON say overdue', async () => {
    const r = await runCli(['-f', file, 'board', '--no-color', '--sprint', '1'], { env, isTTY: true, columns: 100 });
    expect(r.stdout).toMatch(/^1 Alpha +│/m);
    expect(r.stdout).toMatch(/^ {2}! due 2025-03-10 +│/m);
    expect(r.stdout.match(/! due/g)).toHaveLength(1);
    const tsv = await runCli(['-f', file, 'board', '--sprint', '1'], { env });
    expect(tsv.stdout).toBe('status\tid\ttitle\towner\toverdue\npending\t1\tAlpha\t\toverdue\npending\t2\tBeta\t\t\ndone\t3\tGamma\t\t\n');
    const json = JSON.parse((await runCli(['-f', file, 'board', '--json', '--sprint', '1'], { env })).stdout);
    expect(json.columns[0].tasks.map((t: { id: string; overdue: boolean }) => [t.id, t.overdue])).toEqual([
      ['1', true],
      ['2', false],
    ]);
  });

  it("stacked (narrow): `!` before the overdue card's id", async () => {
    const r = await runCli(['-f', file, 'board', '--no-color', '--sprint', '1'], { env, isTTY: true, columns: 30 });
    expect(r.stdout).toMatch(/^ {2}!1 +Alpha$/m);
    expect(r.stdout).toMatch(/^ {2}2 +Beta$/m);
  });
});
