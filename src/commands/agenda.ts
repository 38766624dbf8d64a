// plan agenda: overdue, due today, due this week, scheduled; grouped by day.

import type { Context } from './context.js';
import { openPlan } from './context.js';
import { filterTasks, todayIso, type Filters } from '../query/filter.js';
import { agenda as agendaOf } from '../query/agenda.js';
import { toJson } from '../render/json.js';
import { agendaJson, agendaTsv, agendaView } from '../render/agenda.js';

export async function agenda(ctx: Context, filters: Filters): Promise<number> {
  const { plan, display } = await openPlan(ctx);
  const a = agendaOf(filterTasks(plan.tasks, filters), todayIso());
  if (ctx.mode === 'json') ctx.out(toJson(agendaJson(a, display)));
  else if (ctx.mode === 'plain') ctx.out(agendaTsv(a));
  else ctx.out(agendaView(a, display, ctx.width));
  return 0;
}
