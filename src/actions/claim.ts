// Claiming the next task for an owner: pick, mark in progress and record the
// owner, all under one lock, so agents claiming at once never get the same
// task, and never one waiting on a dependency that is not done. The owner goes into the Owner cell, or, where the task has none, into
// an `@owner` mark the reader takes back as its owner (see model/owner-mark.ts),
// so the same owner finds its task again.

import { transact, type TransactOptions } from '../write/transaction.js';
import { readBackOf, statusOwnerEdits } from '../write/task-edits.js';
import { verifyTask } from '../write/verify.js';
import type { Plan, Task } from '../model/types.js';
import { filterTasks, type Filters } from '../query/filter.js';
import { ownedBy, pickClaim } from '../query/next.js';
import { DependencyGraph, type WaitOptions } from '../query/deps.js';
import { afterMove, moveOf, ownerName, type OpResult } from './set.js';

export async function claimOp(
  path: string,
  owner: string,
  filters: Filters,
  opts: TransactOptions,
  wait: WaitOptions = {},
): Promise<(OpResult & { reason: string }) | null> {
  ownerName(owner); // a usage error even when there is nothing to claim
  let read: Plan | undefined;
  const r = await transact(path, opts, ({ plan, compact }, ec) => {
    read = plan;
    // Decided under the lock, on the file as it is now: a task waiting on another is never taken.
    const graph = new DependencyGraph(plan);
    const candidates = filterTasks(plan.tasks, filters).filter((t) => !graph.isWaiting(t, wait) && canMarkTaken(plan, t, owner));
    // A cached model decides which task is taken: every status and owner it
    // decides on is checked against the bytes first (a fresh parse is the bytes).
    if (compact) for (const t of candidates) verifyTask(ec, t);
    const pick = pickClaim(candidates, owner);
    if (!pick) return { edits: [], value: null };
    const before = pick.task;
    const mine = ownedBy(before, owner);
    const change = statusOwnerEdits(ec, before, 'in-progress', mine ? undefined : owner);
    const edits = change.edits;
    const task: Task = { ...before, status: 'in-progress', statusText: change.statusText, owner: mine ? before.owner : owner };
    const reread = readBackOf(change, before, 'in-progress');
    return { edits, touched: [before], remarks: change.remarks, reread, value: { before, task, reason: pick.reason, ...moveOf(change) } };
  });
  if (!r.value) return null;
  return { ...afterMove({ ...r, value: r.value }, read), changed: r.changed, written: r.written, diff: r.diff, display: r.display };
}

/**
 * Whether a claim can write that `owner` took the task: not a row of a table with a column per state and no column for
 * in progress (`| Task | Completed |` says done or not yet), nor, in one with such a column, where no Owner column can
 * name a new owner (the mark moves alone). Such a task is passed over, never a claim's dead end.
 */
function canMarkTaken(plan: Plan, t: Task, owner: string): boolean {
  const states = t.source.type === 'row' ? plan.tables[t.source.table]?.states : undefined;
  if (!states || t.source.type !== 'row') return true;
  const { cells, columns } = t.source;
  const doing = states.find((s) => s.status === 'in-progress');
  // The row must hold the cells the claim writes (a row cut short has no place for the mark or the owner).
  return !!doing && !!cells[doing.column] && (ownedBy(t, owner) || (columns.owner !== undefined && !!cells[columns.owner]));
}
