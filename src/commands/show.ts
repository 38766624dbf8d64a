// plan show <id>: every field of one task, with file:line.

import type { Context } from './context.js';
import { openPlan } from './context.js';
import type { Filters } from '../query/filter.js';
import type { Task } from '../model/types.js';
import type { Loaded } from '../load/load.js';
import { resolvePlanTask } from '../query/resolve.js';
import { renderTask } from '../render/task.js';
import { dependencyFields } from '../render/deps.js';

export async function show(ctx: Context, id: string, filters: Filters, explain = false): Promise<number> {
  const loaded = await openPlan(ctx, filters);
  const { plan, display } = loaded;
  const task = resolvePlanTask(plan, id, filters, display);
  const json = ctx.mode === 'json';
  // --explain reads the plan's own words again (the reader's column rules): loaded only when asked for.
  const why = explain ? await explained(loaded, task, json) : {};
  await renderTask(ctx, task, display, { ...dependencyFields(plan, task, json), ...why });
  return 0;
}

/** What --explain adds to show's fields: the reasons as one JSON field, or as lines. */
async function explained(loaded: Loaded, task: Task, json: boolean) {
  const { explainLines, explainLoadedTask } = await import('../query/explain.js');
  const why = await explainLoadedTask(loaded, task);
  return json ? { explain: why } : explainLines(why);
}
