// plan set <id> <status>: rewrites only the status of one task, in the file's style.

import type { Context } from './context.js';
import { namedInPlan, writeTarget } from '../actions/target.js';
import type { Filters } from '../query/filter.js';
import type { TransactOptions } from '../write/transaction.js';
import { setStatusOp } from '../actions/set.js';
import { movedText, reportChange } from '../render/change.js';

export async function set(ctx: Context, id: string, statusArg: string, filters: Filters, opts: TransactOptions, owner?: string): Promise<number> {
  const to = await writeTarget(ctx.opts.file, id, filters);
  const r = namedInPlan(await setStatusOp(to.path, to.id, statusArg, to.filters, { ...opts, diff: ctx.mode === 'json' }, owner), to);
  const code = reportChange(ctx, r, `${r.from} → ${r.task.status}${movedText(r)}`, { from: r.from, to: r.task.status });
  if (r.notice && r.written && ctx.mode !== 'json') ctx.err(`plan: ${r.display}:${r.before.line}: ${r.notice}\n`);
  return code;
}
