// plan list: the tasks that match every filter, in file order.

import type { Context } from './context.js';
import { openPlan } from './context.js';
import { filterTasks, type Filters } from '../query/filter.js';
import { dependencyFilter, type DependencyFilters } from '../query/ready.js';
import { printTasks, type Lean, type ListView } from '../render/tasks.js';

export type { DependencyFilters, Lean, ListView };

export async function list(ctx: Context, filters: Filters, view: ListView = {}, deps: DependencyFilters = {}, lean: Lean = { fields: null }): Promise<number> {
  const { plan, display } = await openPlan(ctx, filters);
  const tasks = dependencyFilter(plan, filterTasks(plan.tasks, filters), deps, display, filters);
  if (plan.tasks.length === 0) {
    ctx.err(
      `plan: ${display}: no tasks found (plan reads table rows under a Status or ID column, checkbox items and items that start with an id); see README\n`,
    );
  }
  if (ctx.mode === 'table' && tasks.length === 0) ctx.out(plan.tasks.length ? 'No tasks match.\n' : '');
  else await printTasks(ctx, display, tasks, lean, view);
  return 0;
}
