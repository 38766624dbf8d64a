// plan list: the tasks that match every filter, in file order.

import type { Context } from './context.js';
import { openPlan } from './context.js';
import { filterTasks, type Filters } from '../query/filter.js';
import { SCOPE_KINDS, type Task } from '../model/types.js';
import { DamagedChunk } from '../cache/compact.js';
import type { Loaded } from '../load/load.js';
import { dependencyFilter, type DependencyFilters } from '../query/ready.js';
import { printTasks, type Lean, type ListView } from '../render/tasks.js';

export type { DependencyFilters, Lean, ListView };

export async function list(ctx: Context, filters: Filters, view: ListView = {}, deps: DependencyFilters = {}, lean: Lean = { fields: null }): Promise<number> {
  const {
    loaded: { plan, display },
    matched,
  } = await openMatching(ctx, filters);
  const tasks = dependencyFilter(plan, matched, deps, display, filters);
  if (plan.tasks.length === 0) {
    ctx.err(
      `plan: ${display}: no tasks found (plan reads table rows under a Status or ID column, checkbox items and items that start with an id); see README\n`,
    );
  }
  if (ctx.mode === 'table' && tasks.length === 0) ctx.out(plan.tasks.length ? 'No tasks match.\n' : '');
  else await printTasks(ctx, display, tasks, lean, view);
  return 0;
}

/**
 * The plan and its tasks that pass the filters. A scope filter reads only the
 * cache's chunks that hold tasks of that scope (filterTasks asks the index); a
 * damaged chunk among them has the plan read again without the cache.
 */
async function openMatching(ctx: Context, filters: Filters): Promise<{ loaded: Loaded; matched: Task[] }> {
  if (SCOPE_KINDS.some((k) => filters[k] !== undefined)) {
    const loaded = await openPlan(ctx, filters, true);
    try {
      return { loaded, matched: filterTasks(loaded.plan.tasks, filters) };
    } catch (e) {
      if (!(e instanceof DamagedChunk)) throw e;
    }
  }
  const loaded = await openPlan(ctx, filters);
  return { loaded, matched: filterTasks(loaded.plan.tasks, filters) };
}
