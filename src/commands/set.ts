// plan set <id> <status>: rewrites only the status of one task, in the file's style.

import type { Context } from './context.js';
import { locatePlan } from '../locate.js';
import type { Filters } from '../query/filter.js';
import type { TransactOptions } from '../edit/transaction.js';
import { dryRunText, setStatusOp, type OpResult } from '../ops/set.js';
import { SCHEMA_VERSION, taskJson, toJson } from '../render/json.js';
import { tsv } from '../render/plain.js';
import { visible } from '../text/visible.js';

export async function set(ctx: Context, id: string, statusArg: string, filters: Filters, opts: TransactOptions): Promise<number> {
  const r = await setStatusOp(locatePlan(ctx.opts.file), id, statusArg, filters, { ...opts, diff: ctx.mode === 'json' });
  return reportChange(ctx, r, `${r.from} → ${r.task.status}`, { from: r.from, to: r.task.status });
}

/** Prints the outcome of a one-task write in the chosen output mode. */
export function reportChange(ctx: Context, r: OpResult, summary: string, extra: Record<string, unknown>): number {
  const { display, task } = r;
  if (ctx.mode === 'json') {
    ctx.out(toJson({ schemaVersion: SCHEMA_VERSION, file: display, changed: r.changed, written: r.written, ...extra, task: taskJson(task), diff: r.diff || null, remarks: r.remarks }));
    return 0;
  }
  if (!r.changed) {
    ctx.err(`plan: ${display}:${r.before.line}: task ${r.before.id} is already like that; nothing to change\n`);
    return 0;
  }
  if (!r.written) {
    ctx.out(visible(dryRunText(r)));
    return 0;
  }
  if (ctx.mode === 'plain') ctx.out(tsv(['id', 'change', 'file', 'line'], [[task.id, summary, display, task.line]]));
  else ctx.out(visible(`${task.id} ${task.title}: ${summary}  (${display}:${task.line})\n`));
  return 0;
}
