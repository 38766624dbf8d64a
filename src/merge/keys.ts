// One key per task across the three versions of a merge: a task of the base
// and the same task on each side share `o<i>`; a task added on one side gets
// `a<j>` / `b<j>`, and the same bytes added on both sides share one key.

import { matchTasks } from '../query/match.js';
import type { Segment } from './segments.js';

export interface Keyed {
  base: Map<string, Segment>;
  ours: Map<string, Segment>;
  theirs: Map<string, Segment>;
  /** Each side's keys in file order. */
  oursOrder: string[];
  theirsOrder: string[];
}

export function keyTasks(base: Segment[], ours: Segment[], theirs: Segment[]): Keyed {
  const tasks = (s: Segment[]) => s.map((x) => x.task);
  const fromBase = (side: Segment[], prefix: string) => {
    const { backward } = matchTasks(tasks(base), tasks(side));
    return side.map((_, j) => (backward[j]! >= 0 ? `o${backward[j]}` : `${prefix}${j}`));
  };
  const oursKeys = fromBase(ours, 'a');
  const theirsKeys = fromBase(theirs, 'b');
  // The very same task added on both sides (a cherry-pick) is one task.
  const added = new Map<string, string[]>();
  ours.forEach((s, j) => {
    if (oursKeys[j]!.startsWith('a')) added.set(s.text, [...(added.get(s.text) ?? []), oursKeys[j]!]);
  });
  theirs.forEach((s, j) => {
    const same = theirsKeys[j]!.startsWith('b') ? added.get(s.text)?.shift() : undefined;
    if (same) theirsKeys[j] = same;
  });
  const byKey = (segs: Segment[], keys: string[]) => new Map(segs.map((s, j) => [keys[j]!, s]));
  return {
    base: new Map(base.map((s, i) => [`o${i}`, s])),
    ours: byKey(ours, oursKeys),
    theirs: byKey(theirs, theirsKeys),
    oursOrder: oursKeys,
    theirsOrder: theirsKeys,
  };
}
