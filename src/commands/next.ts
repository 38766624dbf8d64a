// plan next: the task to work on next, and why it was picked.

import type { Context } from './context.js';
import { openPlan } from './context.js';
import { filterTasks, type Filters } from '../query/filter.js';
import { chooseNext } from '../query/next.js';
import { SCHEMA_VERSION, toJson } from '../render/json.js';
import { renderTask } from './show.js';

export async function next(ctx: Context, owner: string | undefined, filters: Filters): Promise<number> {
  const { plan, display } = await openPlan(ctx);
  const pick = chooseNext(filterTasks(plan.tasks, filters), owner);
  if (!pick) {
    if (ctx.mode === 'json') ctx.out(toJson({ schemaVersion: SCHEMA_VERSION, file: display, task: null, reason: 'nothing left to do' }));
    else ctx.err(`plan: ${display}: nothing left to do${owner ? ` for ${owner}` : ''} (no pending or in-progress task matches)\n`);
    return 0;
  }
  await renderTask(ctx, pick.task, display, { reason: pick.reason });
  return 0;
}
