// What changed for the tasks between two versions of a plan: statuses,
// owners, titles, tasks added and removed. Tasks are followed by id, else by
// title (see query/match.ts).

import { matchTasks, type Matching } from '../query/match.js';
import type { Status } from '../model/status.js';
import type { Snapshot, SnapshotTask } from './snapshot.js';

type ChangeKind = 'status' | 'owner' | 'title' | 'added' | 'removed';

export interface TaskChange {
  kind: ChangeKind;
  /** The task as it is after the change (before it, for a removal). */
  task: SnapshotTask;
  /** Its line in that version. */
  line: number;
  /** Statuses for `status`, `added` (to) and `removed` (from); the text otherwise. */
  from: string | null;
  to: string | null;
}

export function taskChanges(before: Snapshot, after: Snapshot): TaskChange[] {
  const { forward, backward } = sameTasks(before, after) ?? matchTasks(before.tasks, after.tasks);
  const out: TaskChange[] = [];
  after.tasks.forEach((t, j) => {
    const i = backward[j]!;
    const line = after.lines[j]!;
    if (i === -1) {
      out.push({ kind: 'added', task: t, line, from: null, to: t.status });
      return;
    }
    const old = before.tasks[i]!;
    if (old === t) return;
    if (old.status !== t.status) out.push({ kind: 'status', task: t, line, from: old.status, to: t.status });
    if ((old.owner ?? '') !== (t.owner ?? '')) out.push({ kind: 'owner', task: t, line, from: old.owner, to: t.owner });
    if (old.title !== t.title) out.push({ kind: 'title', task: t, line, from: old.title, to: t.title });
  });
  before.tasks.forEach((t, i) => {
    if (forward[i] === -1) out.push({ kind: 'removed', task: t, line: before.lines[i]!, from: t.status, to: null });
  });
  return out;
}

/**
 * The matching of two versions that list the same tasks in the same order
 * (the usual commit: a few statuses changed), found without building any
 * index; null when the versions differ more than that.
 */
function sameTasks(before: Snapshot, after: Snapshot): Matching | null {
  const a = before.tasks;
  const b = after.tasks;
  if (a.length !== b.length) return null;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y && (x.id !== y.id || x.idFromFile !== y.idFromFile || x.title !== y.title || x.section !== y.section)) return null;
  }
  const identity = a.map((_, i) => i);
  return { forward: identity, backward: identity };
}

/**
 * The changes a merge made itself (resolving a conflict by hand): those it
 * shows against every parent, not the ones its branches brought.
 */
export function mergeChanges(parents: Snapshot[], after: Snapshot): TaskChange[] {
  const [first, ...rest] = parents.map((p) => taskChanges(p, after));
  if (!first) return [];
  const key = (c: TaskChange) => [c.kind, c.task.id, c.task.title, c.to ?? ''].join('\u0000');
  const others = rest.map((cs) => new Set(cs.map(key)));
  return first.filter((c) => others.every((s) => s.has(key(c))));
}

/** Whether a status counts as finished (done) or as left to do; cancelled is neither. */
export function progressOf(s: Status): 'done' | 'open' | null {
  if (s === 'done') return 'done';
  if (s === 'cancelled') return null;
  return 'open';
}
