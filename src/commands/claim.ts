// plan next --claim --owner <name>: take the next task, under one lock.

import type { Context } from './context.js';
import { claimTarget, namedInPlan } from '../actions/target.js';
import type { Filters } from '../query/filter.js';
import type { TransactOptions } from '../write/transaction.js';
import { claimOp } from '../actions/claim.js';
import { EXIT } from '../system/errors.js';
import { displayPath } from '../load/load.js';
import { SCHEMA_VERSION, toJson } from '../render/json.js';
import { renderTask } from '../render/task.js';
import { visible } from '../text/visible.js';
import { dryRunText } from '../actions/set.js';
import type { WaitOptions } from '../query/deps.js';

export async function claim(ctx: Context, owner: string, filters: Filters, opts: TransactOptions, wait: WaitOptions = {}): Promise<number> {
  const to = await claimTarget(ctx.opts.file, owner, filters, wait);
  const claimed = 'path' in to ? await claimOp(to.path, owner, to.filters, opts, wait) : null;
  const r = claimed && 'path' in to ? namedInPlan(claimed, to) : null;
  if (!r) {
    const display = 'path' in to ? displayPath(to.path) : to.label;
    if (ctx.mode === 'json') ctx.out(toJson({ schemaVersion: SCHEMA_VERSION, file: display, task: null, claimed: false, reason: 'nothing to claim' }));
    ctx.err(`plan: ${display}: nothing to claim for ${owner} (no pending task that is unowned or theirs)\n`);
    return EXIT.nothingToClaim;
  }
  if (opts.dryRun && ctx.mode !== 'json') {
    ctx.out(visible(dryRunText(r)));
    return 0;
  }
  if (r.notice && r.written && ctx.mode !== 'json') ctx.err(`plan: ${r.display}:${r.before.line}: ${r.notice}\n`);
  await renderTask(ctx, r.task, r.display, {
    reason: r.reason,
    claimed: r.written || r.changed,
    ...(opts.dryRun ? { diff: r.diff } : {}),
    ...(ctx.mode === 'json' ? { remarks: r.remarks } : {}),
  });
  return 0;
}
