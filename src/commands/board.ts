// plan board: a kanban view, one column per status.

import type { Context } from './context.js';
import { openPlan } from './context.js';
import { filterTasks, type Filters } from '../query/filter.js';
import { boardColumns, type BoardColumn } from '../query/board.js';
import { SCHEMA_VERSION, taskJson, toJson } from '../render/json.js';
import { tsv } from '../render/plain.js';

export function boardTsv(columns: BoardColumn[]): string {
  return tsv(
    ['status', 'id', 'title', 'owner'],
    columns.flatMap((c) => c.tasks.map((t) => [c.status, t.id, t.title, t.owner])),
  );
}

export async function board(ctx: Context, filters: Filters): Promise<number> {
  const { plan, display } = await openPlan(ctx, filters);
  const columns = boardColumns(filterTasks(plan.tasks, filters));
  if (ctx.mode === 'json') {
    ctx.out(toJson({ schemaVersion: SCHEMA_VERSION, file: display, columns: columns.map((c) => ({ status: c.status, tasks: c.tasks.map(taskJson) })) }));
  } else if (ctx.mode === 'plain') {
    ctx.out(boardTsv(columns));
  } else {
    if (plan.tasks.length === 0) {
      ctx.err(
        `plan: ${display}: no tasks found (plan reads table rows under a Status or ID column, checkbox items and items that start with an id); see README\n`,
      );
    }
    const { boardView } = await import('../render/board.js');
    ctx.out(boardView(columns, ctx.width));
  }
  return 0;
}
