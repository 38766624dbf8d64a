// plan board: a kanban view, one column per status.

import type { Context } from './context.js';
import { openPlan } from './context.js';
import { filterTasks, isOverdue, todayIso, type Filters } from '../query/filter.js';
import type { Task } from '../model/types.js';
import { boardColumns, type BoardColumn } from '../query/board.js';
import { SCHEMA_VERSION, taskJson, toJson } from '../render/json.js';
import { tsv } from '../render/plain.js';

/** One row per card; `overdue` is the last column (`overdue` or empty). */
export function boardTsv(columns: BoardColumn[], today = todayIso()): string {
  return tsv(
    ['status', 'id', 'title', 'owner', 'overdue'],
    columns.flatMap((c) => c.tasks.map((t) => [c.status, t.id, t.title, t.owner, isOverdue(t, today) ? 'overdue' : ''])),
  );
}

export async function board(ctx: Context, filters: Filters): Promise<number> {
  const { plan, display } = await openPlan(ctx, filters);
  const columns = boardColumns(filterTasks(plan.tasks, filters));
  const today = todayIso();
  if (ctx.mode === 'json') {
    const card = (t: Task) => ({ ...taskJson(t), overdue: isOverdue(t, today) });
    ctx.out(toJson({ schemaVersion: SCHEMA_VERSION, file: display, columns: columns.map((c) => ({ status: c.status, tasks: c.tasks.map(card) })) }));
  } else if (ctx.mode === 'plain') {
    ctx.out(boardTsv(columns, today));
  } else {
    if (plan.tasks.length === 0) {
      ctx.err(
        `plan: ${display}: no tasks found (plan reads table rows under a Status or ID column, checkbox items and items that start with an id); see README\n`,
      );
    }
    const { boardView } = await import('../render/board.js');
    ctx.out(boardView(columns, ctx.width, new Set(plan.tasks.filter((t) => isOverdue(t, today)))));
  }
  return 0;
}
