// The history of a plan of several files: each file's own (its git log, its
// burndown series), merged by time. Each file's order is kept as git gave it
// (a merge of the lists, never a sort that could reorder one file's commits).

import type { BurnPoint, BurnSeries } from './burndown.js';
import type { LogEntry } from './log.js';

/**
 * `lists` (each ordered by `date`, `newest` first or oldest first) merged into one: at each step the
 * head whose date comes first; on a tie, the earlier list's.
 */
function mergeByDate<T>(lists: readonly (readonly T[])[], date: (x: T) => string, newest: boolean): { item: T; list: number }[] {
  const at = lists.map(() => 0);
  const out: { item: T; list: number }[] = [];
  for (;;) {
    let pick = -1;
    let best = 0;
    lists.forEach((list, k) => {
      if (at[k]! >= list.length) return;
      const t = Date.parse(date(list[at[k]!]!));
      if (pick === -1 || (newest ? t > best : t < best)) {
        pick = k;
        best = t;
      }
    });
    if (pick === -1) return out;
    out.push({ item: lists[pick]![at[pick]!]!, list: pick });
    at[pick]!++;
  }
}

/** Each file's log (newest first), merged newest first; each entry says its file. */
export function mergeLogs(files: readonly { file: string; entries: LogEntry[] }[]): LogEntry[] {
  return mergeByDate(
    files.map((f) => f.entries),
    (e) => e.date,
    true,
  ).map(({ item, list }) => ({ ...item, file: files[list]!.file }));
}

/**
 * Each file's burndown summed: a series per scope (the whole plan first), with a point at each
 * commit of any file (one for a commit that changed several), where each file counts as at its
 * latest point then (nothing before its first).
 */
export function sumBurndowns(files: readonly BurnSeries[][]): BurnSeries[] {
  // Every series of one file has a point at each of its versions: the first series gives the times.
  const events = mergeByDate(
    files.map((series) => series[0]!.points.map((p, i) => ({ p, i }))),
    (e) => e.p.date,
    false,
  );
  const keys: { kind: BurnSeries['kind']; value: string | null }[] = [];
  const seen = new Set<string>();
  for (const series of files) {
    for (const s of series) {
      const key = `${s.kind}\u0000${s.value}`;
      if (!seen.has(key)) keys.push({ kind: s.kind, value: s.value });
      seen.add(key);
    }
  }
  return keys.map(({ kind, value }) => {
    const of = files.map((series) => series.find((s) => s.kind === kind && s.value === value));
    const now: (BurnPoint | null)[] = files.map(() => null);
    const points: BurnPoint[] = [];
    for (const { item, list } of events) {
      now[list] = of[list]?.points[item.i] ?? null;
      const sum: BurnPoint = { hash: item.p.hash, date: item.p.date, open: 0, done: 0, cancelled: 0 };
      for (const p of now) {
        if (!p) continue;
        sum.open += p.open;
        sum.done += p.done;
        sum.cancelled += p.cancelled;
      }
      // A commit that changed several files (or the working files, uncommitted: hash null) is one point.
      if (points.length && points[points.length - 1]!.hash === sum.hash) points[points.length - 1] = sum;
      else points.push(sum);
    }
    return { kind, value, points };
  });
}
