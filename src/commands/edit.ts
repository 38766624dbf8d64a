// plan edit <id>: change a task's title, owner or notes cells.

import type { Context } from './context.js';
import { namedInPlan, writeTarget } from '../actions/target.js';
import type { Filters } from '../query/filter.js';
import type { TransactOptions } from '../write/transaction.js';
import { editOp, type TaskChanges } from '../actions/edit.js';
import { reportChange } from '../render/change.js';

export async function edit(ctx: Context, id: string, changes: TaskChanges, filters: Filters, opts: TransactOptions): Promise<number> {
  const to = await writeTarget(ctx.opts.file, id, filters);
  const r = namedInPlan(await editOp(to.path, to.id, changes, to.filters, { ...opts, diff: ctx.mode === 'json' }), to);
  const what = (Object.keys(changes) as (keyof TaskChanges)[]).filter((k) => changes[k] !== undefined).join(', ');
  return reportChange(ctx, r, `${what} changed`, {});
}
