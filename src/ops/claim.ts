// Claiming the next task for an owner: pick, mark in progress and write the
// owner, all under one lock, so agents claiming at once never get the same task.

import { transact, type TransactOptions } from '../edit/transaction.js';
import { cellEdit, checkValue, setStatusEdits } from '../edit/task-edits.js';
import type { Task } from '../model/types.js';
import { filterTasks, type Filters } from '../query/filter.js';
import { isUnowned, ownedBy, pickNext } from '../query/next.js';
import { DependencyGraph, type WaitOptions } from '../query/deps.js';
import type { OpResult } from './set.js';

/**
 * The task `owner` should take: their own in-progress task if they have one
 * (a claim after a crash resumes it), else the next pending or status-less
 * task that nobody else owns. In-progress tasks of others are never taken.
 */
export function pickClaim(tasks: Task[], owner: string): { task: Task; reason: string } | null {
  const mine = tasks.find((t) => t.status === 'in-progress' && ownedBy(t, owner));
  if (mine) return { task: mine, reason: `picked because it is already yours and in progress` };
  const open = tasks.filter((t) => (t.status === 'pending' || t.status === 'none') && (ownedBy(t, owner) || isUnowned(t)));
  return pickNext(open, owner);
}

export async function claimOp(
  path: string,
  owner: string,
  filters: Filters,
  opts: TransactOptions,
  wait: WaitOptions = {},
): Promise<(OpResult & { reason: string }) | null> {
  checkValue(owner, 'the owner'); // a usage error even when there is nothing to claim
  const r = await transact(path, opts, ({ plan }, ec) => {
    // Decided under the lock, on the file as it is now: a task waiting on another is never taken.
    const graph = new DependencyGraph(plan);
    const pick = pickClaim(filterTasks(plan.tasks, filters).filter((t) => !graph.isWaiting(t, wait)), owner);
    if (!pick) return { edits: [], value: null };
    const before = pick.task;
    const change = setStatusEdits(ec, before, 'in-progress');
    const edits = [...change.edits];
    let newOwner = before.owner;
    if (!ownedBy(before, owner)) {
      const e = cellEdit(ec, before, 'owner', owner);
      if (e) {
        edits.push(e);
        newOwner = owner;
      }
    }
    const task: Task = { ...before, status: 'in-progress', statusText: change.statusText, owner: newOwner };
    return { edits, touched: [before], value: { before, task, reason: pick.reason } };
  });
  if (!r.value) return null;
  return { ...r.value, changed: r.changed, written: r.written, diff: r.diff, display: r.display };
}
