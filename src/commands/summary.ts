// plan summary: progress per heading (sprints, weeks, phases, sections), then
// the whole file (see src/query/summary.ts for the grouping rules).

import type { Context } from './context.js';
import { openPlan } from './context.js';
import { filterTasks, type Filters } from '../query/filter.js';
import { summarise } from '../query/summary.js';
import { toJson } from '../render/json.js';
import { summaryJson, summaryTsv } from '../render/summary-shapes.js';

export async function summary(ctx: Context, filters: Filters): Promise<number> {
  const { plan, display } = await openPlan(ctx, filters);
  const s = summarise(plan, filterTasks(plan.tasks, filters));
  if (ctx.mode === 'json') ctx.out(toJson(summaryJson(s, display)));
  else if (ctx.mode === 'plain') ctx.out(summaryTsv(s, display));
  else {
    if (plan.tasks.length === 0) {
      ctx.err(
        `plan: ${display}: no tasks found (plan reads table rows under a Status or ID column, checkbox items and items that start with an id); see README\n`,
      );
    }
    const { summaryView } = await import('../render/summary.js');
    ctx.out(summaryView(s, display, ctx.width));
  }
  return 0;
}
