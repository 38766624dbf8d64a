// A plan of several files' history: each file's burndown summed at each commit of any file
// (per scope too), and each file's log merged by time without reordering one file's commits.
import { describe, expect, it } from 'vitest';
import { mergeLogs, sumBurndowns } from '../../src/history/files.js';
import type { BurnSeries } from '../../src/history/burndown.js';
import type { LogEntry } from '../../src/history/log.js';

const at = (day: number) => `2026-01-0${day}T10:00:00+00:00`;
const point = (hash: string | null, day: number, open: number, done: number) => ({ hash, date: at(day), open, done, cancelled: 0 });

describe('sumBurndowns', () => {
  it('sums each scope across the files, a file counting as at its latest point, one point per commit', () => {
    const a: BurnSeries[] = [
      { kind: 'file', value: null, points: [point('c1', 1, 2, 0), point('c3', 3, 1, 1)] },
      { kind: 'sprint', value: '1', points: [point('c1', 1, 2, 0), point('c3', 3, 1, 1)] },
    ];
    const b: BurnSeries[] = [
      { kind: 'file', value: null, points: [point('c2', 2, 3, 0), point('c3', 3, 2, 1), point(null, 9, 0, 3)] },
      { kind: 'sprint', value: '2', points: [point('c2', 2, 3, 0), point('c3', 3, 2, 1), point(null, 9, 0, 3)] },
    ];
    const summed = sumBurndowns([a, b]);
    expect(summed.map((s) => [s.kind, s.value, s.points.map((p) => `${p.hash} ${p.open}/${p.done}`)])).toEqual([
      ['file', null, ['c1 2/0', 'c2 5/0', 'c3 3/2', 'null 1/4']],
      ['sprint', '1', ['c1 2/0', 'c2 2/0', 'c3 1/1', 'null 1/1']],
      ['sprint', '2', ['c1 0/0', 'c2 3/0', 'c3 2/1', 'null 0/3']],
    ]);
  });
});

describe('mergeLogs', () => {
  it("merges newest first, keeping each file's own order, and names each entry's file", () => {
    const entry = (hash: string, day: number): LogEntry => ({ hash, author: 'Ana', date: at(day), path: 'x.md', merge: false, created: false, changes: [] });
    // a's commits as git gave them: c5 is older than c4 by date, yet after it on its line.
    const merged = mergeLogs([
      { file: 'a.md', entries: [entry('c4', 4), entry('c5', 2), entry('c1', 1)] },
      { file: 'b.md', entries: [entry('c3', 3)] },
    ]);
    expect(merged.map((e) => `${e.hash} ${e.file}`)).toEqual(['c4 a.md', 'c3 b.md', 'c5 a.md', 'c1 a.md']);
  });
});
