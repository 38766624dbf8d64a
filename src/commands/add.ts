// plan add <title>: append a task to the task table of a scope.

import type { Context } from './context.js';
import { addTarget, namedInPlan } from '../actions/target.js';
import type { TransactOptions } from '../write/transaction.js';
import { addOp, type AddInput } from '../actions/add.js';
import { renderTask } from '../render/task.js';
import { visible } from '../text/visible.js';
import { dryRunText } from '../actions/set.js';

export async function add(ctx: Context, input: AddInput, opts: TransactOptions): Promise<number> {
  const to = await addTarget(ctx.opts.file, input.in);
  const added = await addOp(to.path, input, opts);
  const r = namedInPlan(added, { ref: to.refOf(added.task.id) });
  // Where a task went without a scope given: said on stderr, so piped output stays the task.
  if (ctx.mode !== 'json') for (const remark of r.remarks) ctx.err(visible(`plan: ${r.display}: ${remark}\n`));
  if (opts.dryRun && ctx.mode !== 'json') {
    ctx.out(visible(dryRunText(r)));
    return 0;
  }
  await renderTask(ctx, r.task, r.display, opts.dryRun ? { diff: r.diff } : {});
  return 0;
}
