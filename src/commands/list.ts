// plan list: the tasks that match every filter, in file order.

import type { Context } from './context.js';
import { openPlan } from './context.js';
import { filterTasks, type Filters } from '../query/filter.js';
import { dependencyFilter, type DependencyFilters } from '../query/ready.js';
import type { Task } from '../model/types.js';
import { SCHEMA_VERSION, toJson } from '../render/json.js';
import { plainTasks } from '../render/plain.js';
import { fieldsTsv, taskFields, type FieldName } from '../render/lean.js';

export type { DependencyFilters };

/** How the terminal view is laid out (piped and JSON output ignore these). */
export interface ListView {
  /** Every column at full width, unwrapped. */
  wide?: boolean;
  /** `heading` (the default) groups tasks under their heading; `none` gives one flat list. */
  group?: 'heading' | 'none';
}

/** What to print of each task, and how many tasks at most. */
export interface Lean {
  fields: FieldName[] | null;
  limit?: number;
}

/** Prints tasks as the terminal view, TSV or JSON (`extra` joins the JSON object). */
export async function printTasks(ctx: Context, display: string, tasks: Task[], lean: Lean, view: ListView = {}, extra: Record<string, unknown> = {}): Promise<void> {
  const shown = lean.limit !== undefined ? tasks.slice(0, lean.limit) : tasks;
  if (ctx.mode === 'json') {
    ctx.out(toJson({ schemaVersion: SCHEMA_VERSION, file: display, tasks: shown.map((t) => taskFields(t, lean.fields)), ...extra }));
  } else if (ctx.mode === 'plain') {
    ctx.out(lean.fields ? fieldsTsv(shown, lean.fields) : plainTasks(shown));
  } else if (shown.length > 0 && lean.fields) {
    const { fieldTable } = await import('../render/lean-table.js');
    ctx.out(fieldTable(shown, lean.fields, ctx.width));
  } else if (shown.length > 0) {
    const { listView } = await import('../render/list.js');
    ctx.out(listView(shown, { width: ctx.width, wide: view.wide, grouped: view.group !== 'none' }));
  }
}

export async function list(ctx: Context, filters: Filters, view: ListView = {}, deps: DependencyFilters = {}, lean: Lean = { fields: null }): Promise<number> {
  const { plan, display } = await openPlan(ctx);
  const tasks = dependencyFilter(plan, filterTasks(plan.tasks, filters), deps, display, filters);
  if (plan.tasks.length === 0) {
    ctx.err(`plan: ${display}: no tasks found (plan reads table rows under a Status or ID column, checkbox items and items that start with an id); see README\n`);
  }
  if (ctx.mode === 'table' && tasks.length === 0) ctx.out(plan.tasks.length ? 'No tasks match.\n' : '');
  else await printTasks(ctx, display, tasks, lean, view);
  return 0;
}
