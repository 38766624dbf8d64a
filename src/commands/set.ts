// plan set <id> <status>: rewrites only the status of one task, in the file's style.

import type { Context } from './context.js';
import { locatePlan } from '../locate.js';
import type { Filters } from '../query/filter.js';
import { resolveTask } from '../query/resolve.js';
import { canonicalName, Vocabulary, type SettableStatus } from '../status.js';
import { UsageError } from '../errors.js';
import { transact, type TransactOptions } from '../edit/transaction.js';
import { setStatusEdits } from '../edit/task-edits.js';
import { SCHEMA_VERSION, taskJson, toJson } from '../render/json.js';
import { tsv } from '../render/plain.js';
import type { Task } from '../model/types.js';

export function parseStatusArgument(arg: string): SettableStatus {
  const s = canonicalName(arg) ?? new Vocabulary().parseArgument(arg);
  if (!s) {
    throw new UsageError(`unknown status "${arg}"; use done, in-progress, pending, blocked or cancelled (or complete, wip, next, todo, an emoji like ✅)`);
  }
  return s;
}

export async function set(ctx: Context, id: string, statusArg: string, filters: Filters, opts: TransactOptions): Promise<number> {
  const to = parseStatusArgument(statusArg);
  const path = locatePlan(ctx.opts.file);
  const result = await transact(path, opts, ({ plan, display }, ec) => {
    const task = resolveTask(plan.tasks, id, filters, display);
    const change = setStatusEdits(ec, task, to);
    const updated: Task = { ...task, status: to, statusText: change.statusText };
    return { edits: change.edits, value: { before: task, after: updated, from: change.from } };
  });
  const { before, after, from } = result.value;
  return reportChange(ctx, result, before, after, `${from} → ${after.status}`, { from, to: after.status });
}

/** Prints the outcome of a one-task write in the chosen output mode. */
export async function reportChange(
  ctx: Context,
  result: { changed: boolean; written: boolean; diff: string; display: string },
  before: Task,
  after: Task,
  summary: string,
  extra: Record<string, unknown>,
): Promise<number> {
  const { display } = result;
  if (ctx.mode === 'json') {
    ctx.out(toJson({ schemaVersion: SCHEMA_VERSION, file: display, changed: result.changed, written: result.written, ...extra, task: taskJson(after), diff: result.diff || null }));
    return 0;
  }
  if (!result.changed) {
    ctx.err(`plan: ${display}:${before.line}: task ${before.id} is already like that; nothing to change\n`);
    return 0;
  }
  if (!result.written) {
    ctx.out(result.diff);
    return 0;
  }
  if (ctx.mode === 'plain') {
    ctx.out(tsv(['id', 'change', 'file', 'line'], [[after.id, summary, display, after.line]]));
  } else {
    ctx.out(`${after.id} ${after.title}: ${summary}  (${display}:${after.line})\n`);
  }
  return 0;
}
