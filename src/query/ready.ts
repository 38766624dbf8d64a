// What can start now: the tasks `plan next` would choose from, in its order,
// less those waiting on a dependency that is not done.

import { SCOPE_KINDS, type Plan, type Task } from '../model/types.js';
import { DependencyGraph, type WaitOptions } from './deps.js';
import { isFinished } from '../model/status.js';
import { pickFilters, type Filters } from './filter.js';
import { chooseNext, rankNext, type NextPick } from './next.js';
import { resolvePlanTask } from './resolve.js';

export interface Waiting {
  task: Task;
  /** The dependencies it waits on. */
  on: Task[];
}

export interface Readiness {
  /** Ready tasks, best first (`plan next` takes the first). */
  ready: Task[];
  /** Tasks `plan next` would otherwise consider, that wait on others, best first. */
  waiting: Waiting[];
}

export function readiness(graph: DependencyGraph, tasks: Task[], owner: string | undefined, opts: WaitOptions = {}): Readiness {
  const ready: Task[] = [];
  const waiting: Waiting[] = [];
  for (const t of rankNext(tasks, owner)) {
    const on = graph.waitingOn(t, opts);
    if (on.length) waiting.push({ task: t, on });
    else ready.push(t);
  }
  return { ready, waiting };
}

/**
 * `plan next`'s pick among the ready tasks (for an owner, the task a claim
 * would take); the reason says how many others wait on dependencies.
 */
export function pickReady(r: Readiness, owner: string | undefined): NextPick | null {
  const pick = chooseNext(r.ready, owner);
  if (!pick || r.waiting.length === 0) return pick;
  const n = r.waiting.length;
  return { ...pick, reason: `${pick.reason}; ${n} other ${n === 1 ? 'task waits' : 'tasks wait'} on dependencies` };
}

/** `1.3 waits on 1.2 (in-progress)`: the first few waiting tasks, for a one-line message. */
export function waitingSummary(waiting: Waiting[], max = 3): string {
  const shown = waiting.slice(0, max).map((w) => `${w.task.id} waits on ${w.on.map((x) => `${x.id} (${x.status})`).join(', ')}`);
  const more = waiting.length > max ? `; and ${waiting.length - max} more` : '';
  return `${shown.join('; ')}${more}`;
}

/** The JSON of waiting tasks: each with what it waits on. */
export function waitingJson(waiting: Waiting[]) {
  return waiting.map((w) => ({
    id: w.task.id,
    title: w.task.title,
    status: w.task.status,
    line: w.task.line,
    waitingOn: w.on.map((x) => ({ id: x.id, title: x.title, status: x.status, line: x.line })),
  }));
}

/** Filters on dependencies: `--waiting` (open tasks waiting on another), `--blocked-by <id>`. */
export interface DependencyFilters extends WaitOptions {
  waiting?: boolean;
  blockedBy?: string;
}

/** `scope` (the list's scope flags) picks one of several tasks sharing the `--blocked-by` id. */
export function dependencyFilter(plan: Plan, tasks: Task[], f: DependencyFilters, display: string, scope: Filters = {}): Task[] {
  if (!f.waiting && f.blockedBy === undefined) return tasks;
  const graph = new DependencyGraph(plan);
  let out = tasks;
  if (f.waiting) out = out.filter((t) => !isFinished(t.status) && graph.isWaiting(t, f));
  if (f.blockedBy !== undefined) {
    const pick = pickFilters(scope, [...SCOPE_KINDS, 'section']);
    const blocked = graph.blockedBy(resolvePlanTask(plan, f.blockedBy, pick, display), f);
    out = out.filter((t) => blocked.has(t));
  }
  return out;
}
