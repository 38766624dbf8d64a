// plan list: the tasks that match every filter, in file order.

import type { Context } from './context.js';
import { openPlan } from './context.js';
import { filterTasks, type Filters } from '../query/filter.js';
import { SCHEMA_VERSION, taskJson, toJson } from '../render/json.js';
import { plainTasks } from '../render/plain.js';

/** How the terminal view is laid out (piped and JSON output ignore these). */
export interface ListView {
  /** Every column at full width, unwrapped. */
  wide?: boolean;
  /** `heading` (the default) groups tasks under their heading; `none` gives one flat list. */
  group?: 'heading' | 'none';
}

export async function list(ctx: Context, filters: Filters, view: ListView = {}): Promise<number> {
  const { plan, display } = await openPlan(ctx);
  const tasks = filterTasks(plan.tasks, filters);
  if (plan.tasks.length === 0) {
    ctx.err(`plan: ${display}: no tasks found (plan reads table rows under a Status or ID column, checkbox items and items that start with an id); see README\n`);
  }
  if (ctx.mode === 'json') {
    ctx.out(toJson({ schemaVersion: SCHEMA_VERSION, file: display, tasks: tasks.map(taskJson) }));
  } else if (ctx.mode === 'plain') {
    ctx.out(plainTasks(tasks));
  } else if (tasks.length === 0) {
    ctx.out(plan.tasks.length ? 'No tasks match.\n' : '');
  } else {
    const { listView } = await import('../render/list.js');
    ctx.out(listView(tasks, { width: ctx.width, wide: view.wide, grouped: view.group !== 'none' }));
  }
  return 0;
}
