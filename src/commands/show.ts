// plan show <id>: every field of one task, with file:line.

import type { Context } from './context.js';
import { openPlan } from './context.js';
import type { Filters } from '../query/filter.js';
import { resolveTask } from '../query/resolve.js';
import { renderTask } from '../render/task.js';
import { dependencyFields } from '../render/deps.js';

export async function show(ctx: Context, id: string, filters: Filters): Promise<number> {
  const { plan, display } = await openPlan(ctx);
  const task = resolveTask(plan.tasks, id, filters, display);
  await renderTask(ctx, task, display, dependencyFields(plan, task, ctx.mode === 'json'));
  return 0;
}
