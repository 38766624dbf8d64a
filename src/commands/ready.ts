// plan ready: what can start now. The open tasks `plan next` would choose
// from, in its order, whose dependencies are all done (cancelled ones count
// only with --allow-cancelled).

import type { Context } from './context.js';
import { openPlan } from './context.js';
import { filterTasks, type Filters } from '../query/filter.js';
import { DependencyGraph, type WaitOptions } from '../query/deps.js';
import { readiness, waitingSummary } from '../query/ready.js';
import { printTasks, type Lean } from '../render/tasks.js';

export async function ready(ctx: Context, owner: string | undefined, filters: Filters, wait: WaitOptions, lean: Lean): Promise<number> {
  const { plan, display } = await openPlan(ctx, filters);
  const r = readiness(new DependencyGraph(plan), filterTasks(plan.tasks, filters), owner, wait);
  await printTasks(ctx, display, r.ready, lean, {}, { waiting: r.waiting.length });
  if (ctx.mode !== 'json' && r.ready.length === 0) {
    ctx.err(
      r.waiting.length
        ? `plan: ${display}: nothing ready${owner ? ` for ${owner}` : ''}: ${waitingSummary(r.waiting)}\n`
        : `plan: ${display}: nothing left to do${owner ? ` for ${owner}` : ''} (no pending or in-progress task matches)\n`,
    );
  }
  return 0;
}
