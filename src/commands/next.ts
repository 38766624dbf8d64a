// plan next: the task to work on next, and why it was picked (with --owner,
// the task `plan next --claim` would take). A task waiting
// on a dependency that is not done is never picked; when every candidate
// waits, it says on what.

import type { Context } from './context.js';
import { openPlan } from './context.js';
import { filterTasks, type Filters } from '../query/filter.js';
import { DependencyGraph, type WaitOptions } from '../query/deps.js';
import { pickReady, readiness, waitingJson, waitingSummary } from '../query/ready.js';
import { SCHEMA_VERSION, toJson } from '../render/json.js';
import { renderTask } from '../render/task.js';

export async function next(ctx: Context, owner: string | undefined, filters: Filters, wait: WaitOptions = {}): Promise<number> {
  const { plan, display } = await openPlan(ctx, filters);
  const r = readiness(new DependencyGraph(plan), filterTasks(plan.tasks, filters), owner, wait);
  const { waiting } = r;
  const pick = pickReady(r, owner);
  if (pick) {
    await renderTask(ctx, pick.task, display, { reason: pick.reason });
    return 0;
  }
  const reason = waiting.length ? 'waiting on dependencies' : 'nothing left to do';
  if (ctx.mode === 'json') {
    ctx.out(toJson({ schemaVersion: SCHEMA_VERSION, file: display, task: null, reason, ...(waiting.length ? { waiting: waitingJson(waiting) } : {}) }));
  } else if (waiting.length) {
    ctx.err(`plan: ${display}: nothing ready${owner ? ` for ${owner}` : ''}: ${waitingSummary(waiting)}\n`);
  } else {
    ctx.err(`plan: ${display}: nothing left to do${owner ? ` for ${owner}` : ''} (no pending or in-progress task matches)\n`);
  }
  return 0;
}
