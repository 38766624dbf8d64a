// plan show <id>: every field of one task, with file:line.

import type { Context } from './context.js';
import { openPlan } from './context.js';
import type { Filters } from '../query/filter.js';
import { resolvePlanTask } from '../query/resolve.js';
import { renderTask } from '../render/task.js';
import { dependencyFields } from '../render/deps.js';
import { explainLines, explainLoadedTask } from '../query/explain.js';

export async function show(ctx: Context, id: string, filters: Filters, explain = false): Promise<number> {
  const loaded = await openPlan(ctx, filters);
  const { plan, display } = loaded;
  const task = resolvePlanTask(plan, id, filters, display);
  const json = ctx.mode === 'json';
  const why = explain ? await explainLoadedTask(loaded, task) : null;
  await renderTask(ctx, task, display, { ...dependencyFields(plan, task, json), ...(why ? (json ? { explain: why } : explainLines(why)) : {}) });
  return 0;
}
