// Which task to work on next: in-progress work first, then pending and
// status-less tasks; within that, the priority (a Priority column, `⏫`, `(A)`),
// then the due date (the earliest first, a task with one before those without),
// then file order.

import type { Task } from '../model/types.js';
import { PRIORITY_LEVELS } from '../read/priority.js';
import { isOpen } from '../model/status.js';

/** Owners that mean "anyone may take it". */
const ANYONE = /^(?:any|any agent|anyone|anybody|unassigned|tbd|nobody|open|—|-)?$/i;

function isUnowned(t: Task): boolean {
  return t.owner == null || ANYONE.test(t.owner.trim());
}

export function ownedBy(t: Task, owner: string): boolean {
  return (t.owner ?? '').trim().toLowerCase() === owner.trim().toLowerCase();
}

/** Lower is more urgent; null when the text names no priority. */
function priorityRank(p: string | null): number | null {
  if (!p) return null;
  const s = p.replace(/[*_`]/g, '').trim().toLowerCase();
  const m = /^p\s*([0-9])\b/.exec(s);
  if (m) return Number(m[1]);
  if (/^(critical|crit|urgent|blocker|highest|🔴)/u.test(s)) return 0;
  if (/^(high|hi|major|🟠)/u.test(s)) return 1;
  if (/^(medium|med|normal|moderate|🟡)/u.test(s)) return 2;
  if (/^(low|minor|lowest|trivial|🟢)/u.test(s)) return 3;
  if (/^[0-9]$/.test(s)) return Number(s);
  return null;
}

export interface NextPick {
  task: Task;
  reason: string;
}

interface Ranked {
  t: Task;
  order: number;
  g: number;
  p: number;
  /** The due date, or '~' (after every date) for none. */
  due: string;
}

/** A task's priority rank: its text as before (`P0`, `High`), else its level on the scale (`⏫`, `(A)`); 9 for none. */
function rankOf(t: Task): number {
  return priorityRank(t.priority) ?? (t.priorityLevel ? PRIORITY_LEVELS.indexOf(t.priorityLevel) : 9);
}

/** Only tasks are work to pick: week rows summarise a week, parent headings hold the tasks. */
function isWork(t: Task): boolean {
  return t.kind === 'task';
}

function ranked(tasks: Task[], owner?: string): Ranked[] {
  // Open work that can be picked up now: a blocked task waits on something else.
  const eligible = tasks.filter((t) => isWork(t) && isOpen(t.status) && t.status !== 'blocked' && (!owner || ownedBy(t, owner) || isUnowned(t)));
  const group = (t: Task): number => (t.status === 'in-progress' ? 0 : 1);
  return eligible
    .map((t, order) => ({ t, order, g: group(t), p: rankOf(t), due: t.due ?? '~' }))
    .sort((a, b) => a.g - b.g || a.p - b.p || (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) || a.order - b.order);
}

/** The tasks `plan next` chooses from, best first: in-progress, then pending and status-less; by priority, then due date, then file order. */
export function rankNext(tasks: Task[], owner?: string): Task[] {
  return ranked(tasks, owner).map((r) => r.t);
}

function pickNext(tasks: Task[], owner?: string): NextPick | null {
  const all = ranked(tasks, owner);
  if (all.length === 0) return null;
  const best = all[0]!;
  const t = best.t;
  const parts: string[] = [];
  parts.push(t.status === 'in-progress' ? 'it is in progress' : t.status === 'pending' ? 'it is pending' : 'it is open (no status)');
  if (best.p < 9) parts.push(`priority ${t.priority}`);
  const tied = all.filter((r) => r.g === best.g && r.p === best.p);
  if (best.due !== '~' && tied.some((r) => r.due !== best.due)) parts.push(`due ${best.due}`);
  const sameRank = tied.filter((r) => r.due === best.due).length;
  if (sameRank > 1) parts.push(`first of ${sameRank} in file order`);
  if (owner) parts.push(ownedBy(t, owner) ? `owned by ${t.owner}` : `unowned`);
  return { task: t, reason: `picked because ${parts.filter(Boolean).join(', ')}` };
}

/**
 * The task `owner` should take: their own in-progress task if they have one
 * (a claim after a crash resumes it), else the next pending or status-less
 * task that nobody else owns. In-progress tasks of others, week rows and
 * parent headings are never taken.
 */
export function pickClaim(tasks: Task[], owner: string): NextPick | null {
  const mine = tasks.find((t) => isWork(t) && t.status === 'in-progress' && ownedBy(t, owner));
  if (mine) return { task: mine, reason: `picked because it is already yours and in progress` };
  const open = tasks.filter((t) => (t.status === 'pending' || t.status === 'none') && (ownedBy(t, owner) || isUnowned(t)));
  return pickNext(open, owner);
}

/** What `plan next` shows: for an owner, exactly the task `plan next --claim` would take. */
export function chooseNext(tasks: Task[], owner?: string): NextPick | null {
  return owner ? pickClaim(tasks, owner) : pickNext(tasks);
}
