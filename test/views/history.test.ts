// Terminal drawing of `plan log` and `plan burndown` (no colour).
import { beforeAll, describe, expect, it } from 'vitest';
import { chalk } from '../../src/render/colour.js';
import { burndownChart, logLines, printable, sample, sparkline } from '../../src/render/history.js';
import type { LogEntry } from '../../src/history/log.js';
import type { SnapshotTask } from '../../src/history/snapshot.js';
import { textWidth } from '../../src/text/width.js';

beforeAll(() => {
  chalk.level = 0;
});

const task = (id: string, title: string, idFromFile = true): SnapshotTask => ({
  id,
  idFromFile,
  title,
  section: null,
  kind: 'task',
  status: 'pending',
  owner: null,
  sprint: null,
  week: null,
  month: null,
  phase: null,
  milestone: null,
});

describe('log lines', () => {
  it('one line per change: date, short hash, author, the task and what changed', () => {
    const entries: LogEntry[] = [
      {
        hash: 'a1b2c3d4e5',
        author: 'Ana',
        date: '2026-02-18T10:00:00+00:00',
        path: 'PLAN.md',
        merge: false,
        created: false,
        changes: [
          { kind: 'status', task: task('1.2', 'Memory'), line: 3, from: 'pending', to: 'in-progress' },
          { kind: 'owner', task: task('1.3', 'Redis'), line: 4, from: null, to: 'Bo' },
          { kind: 'title', task: task('L7', 'Docs two', false), line: 7, from: 'Docs', to: 'Docs two' },
        ],
      },
      {
        hash: 'f00f00f00f',
        author: 'Bo\u001b[2J',
        date: '2026-02-17T10:00:00+00:00',
        path: 'PLAN.md',
        merge: false,
        created: true,
        changes: [{ kind: 'added', task: task('1', 'A'), line: 1, from: null, to: 'pending' }],
      },
    ];
    expect(logLines(entries, false, true)).toBe(
      [
        '2026-02-18 a1b2c3d Ana          1.2 ⏳ pending → 🔄 in progress',
        '2026-02-18 a1b2c3d Ana          1.3 owner — → Bo',
        '2026-02-18 a1b2c3d Ana          "Docs two" title "Docs" → "Docs two"',
        '2026-02-17 f00f00f Bo\\u001b[2J  created PLAN.md with 1 task',
        '',
      ].join('\n'),
    );
  });

  it('printable shows control and bidi characters instead of obeying them', () => {
    expect(printable('a\u001b]0;x\u0007b\u202ec\u009b')).toBe('a\\u001b]0;x\\u0007b\\u202ec\\u009b');
  });
});

describe('burndown', () => {
  const point = (date: string, open: number, done: number, hash: string | null = 'abc') => ({ hash, date, open, done, cancelled: 0 });

  it('samples the series in time: a point holds until the next', () => {
    const points = [point('2026-01-01T00:00:00Z', 4, 0), point('2026-01-03T00:00:00Z', 2, 2), point('2026-01-05T00:00:00Z', 0, 4)];
    expect(sample(points, 5).map((p) => p.open)).toEqual([4, 4, 2, 2, 0]);
    expect(sparkline([4, 4, 2, 2, 0], 4)).toBe('██▅▅▁');
  });

  it('draws one line per series within the width', () => {
    const series = [
      { kind: 'file' as const, value: null, points: [point('2026-01-01T00:00:00Z', 4, 0), point('2026-01-05T00:00:00Z', 1, 3, null)] },
      { kind: 'sprint' as const, value: '8', points: [point('2026-01-01T00:00:00Z', 2, 0), point('2026-01-05T00:00:00Z', 0, 2, null)] },
    ];
    const out = burndownChart('PLAN.md', series, 60, false);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('PLAN.md: 1 commit, 2026-01-01 → now (uncommitted)');
    expect(lines[2]).toMatch(/^file {6}█+▄ {2}4 → 1 {2}0 → 3$/);
    expect(lines[3]).toMatch(/^sprint 8 {2}█+▁ {2}2 → 0 {2}0 → 2$/);
    for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(60);
  });
});
