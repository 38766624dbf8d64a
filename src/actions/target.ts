// Which file a write goes to. A plan of one file: that file, as before. A plan
// of several files: the file that holds the task (found on the joined plan), and
// the task's id within it; the write itself then runs on that one file alone,
// under that file's own lock, and no other file is touched.

import { locatePlanFiles } from '../load/files.js';
import type { Plan, PlanPart, Task } from '../model/types.js';
import { DependencyGraph, type WaitOptions } from '../query/deps.js';
import { filterTasks, type Filters } from '../query/filter.js';
import { pickClaim } from '../query/next.js';
import { partNamed, resolvePlanTask } from '../query/resolve.js';
import { fileRef, idKey } from '../read/ids.js';
import { PlanError, UsageError } from '../system/errors.js';
import type { OpResult } from './set.js';

export interface WriteTarget {
  path: string;
  /** The task's id within that file. */
  id: string;
  /** The filters for the write within that file (`in` has done its work). */
  filters: Filters;
  /** In a plan of several files, the task's id as the plan names it (`sprint2.md#1.3` where files share the id). */
  ref?: string;
}

/** A write's result with the task named as the plan names it (a plan of several files), not as its file does. */
export function namedInPlan<R extends Pick<OpResult, 'before' | 'task'>>(r: R, to: Pick<WriteTarget, 'ref'>): R {
  if (to.ref === undefined || to.ref === r.task.id) return r;
  return { ...r, before: { ...r.before, id: to.ref }, task: { ...r.task, id: to.ref } };
}

type Explicit = string | readonly string[] | undefined;

/**
 * The plan's files joined, when there are several; null for one file. A file
 * that could not be read refuses the write: whether an id is the plan's only
 * one, and so which file it names, cannot be known without it.
 */
async function joined(explicit: Explicit): Promise<{ plan: Plan; label: string } | { path: string }> {
  const files = locatePlanFiles(explicit);
  if (!files.many) return { path: files.paths[0]! };
  const { loadPlanSet } = await import('../load/plan-set.js');
  const set = await loadPlanSet(files);
  if (set.unread.length) {
    const it = set.unread.length > 1 ? 'them' : 'it';
    throw new PlanError(
      `${set.unread.join(', ')}: cannot be read, and a write needs every file of the plan to know which task an id names; nothing written: fix ${it} (plan list says why), or name the file to write with -f <file>`,
    );
  }
  return { plan: set.loaded.plan, label: set.loaded.display };
}

function withoutIn(filters: Filters): Filters {
  const { in: _in, ...rest } = filters;
  return rest;
}

function partOf(plan: Plan, task: Task): { part: PlanPart; local: Task } {
  const part = plan.parts!.find((p) => p.file === task.file)!;
  return { part, local: part.plan.tasks[plan.tasks.indexOf(task) - part.first]! };
}

/** The file and id a write to task `id` goes to. */
export async function writeTarget(explicit: Explicit, id: string, filters: Filters): Promise<WriteTarget> {
  const found = await joined(explicit);
  if ('path' in found) return { path: found.path, id, filters };
  const task = resolvePlanTask(found.plan, id, filters, found.label, true);
  const { part, local } = partOf(found.plan, task);
  return { path: part.path, id: local.id, filters: withoutIn(filters), ref: task.id };
}

export interface AddTarget {
  path: string;
  /** How the plan names an id of that file: `sprint2.md#1.3` when another file has it too, else undefined. */
  refOf(id: string): string | undefined;
}

/** The file a new task goes to: the plan's one file, or the one `--in` names. */
export async function addTarget(explicit: Explicit, inFile: string | undefined): Promise<AddTarget> {
  const found = await joined(explicit);
  if ('path' in found) return { path: found.path, refOf: () => undefined };
  if (inFile === undefined) {
    throw new UsageError(`${found.label}: the plan is ${found.plan.parts!.length} files; say which one the task goes to with --in <file>`);
  }
  const part = partNamed(found.plan, inFile);
  const others = new Set(found.plan.parts!.filter((p) => p !== part).flatMap((p) => p.plan.tasks.map((t) => idKey(t.id))));
  return { path: part.path, refOf: (id) => (others.has(idKey(id)) ? fileRef(part.name, id) : undefined) };
}

/**
 * The file `next --claim` takes a task from, and the filters that single that
 * task out there: chosen across the files (dependencies on other files'
 * tasks included); the claim under the file's lock takes it only if it is still
 * on that line and free, else nothing.
 */
export async function claimTarget(
  explicit: Explicit,
  owner: string,
  filters: Filters,
  wait: WaitOptions,
): Promise<{ path: string; filters: Filters; ref?: string } | { label: string }> {
  const found = await joined(explicit);
  if ('path' in found) return { path: found.path, filters };
  const graph = new DependencyGraph(found.plan);
  const candidates = filterTasks(found.plan.tasks, filters).filter((t) => !graph.isWaiting(t, wait));
  const pick = pickClaim(candidates, owner);
  if (!pick) return { label: found.label };
  const { part, local } = partOf(found.plan, pick.task);
  return { path: part.path, filters: { ...withoutIn(filters), line: String(local.line) }, ref: pick.task.id };
}
