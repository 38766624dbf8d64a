// Setting a task's status, as one operation the CLI and the MCP server share.

import { transact, type TransactOptions } from '../edit/transaction.js';
import { setStatusEdits } from '../edit/task-edits.js';
import type { Task } from '../model/types.js';
import type { Filters } from '../query/filter.js';
import { resolveTask } from '../query/resolve.js';
import { canonicalName, Vocabulary, type SettableStatus, type Status } from '../status.js';
import { UsageError } from '../errors.js';

/** The outcome of a write that touches one task. */
export interface OpResult {
  /** The task before the change. */
  before: Task;
  /** The task as it reads after the change. */
  task: Task;
  changed: boolean;
  written: boolean;
  /** Unified diff of the change ('' when nothing changed). */
  diff: string;
  /** The plan's path as shown to the user. */
  display: string;
}

export function parseStatusArgument(arg: string, extension: Record<string, SettableStatus> = {}): SettableStatus {
  const s = canonicalName(arg) ?? Vocabulary.of(extension).parseArgument(arg);
  if (!s) {
    throw new UsageError(`unknown status "${arg}"; use done, in-progress, pending, blocked or cancelled (or complete, wip, next, todo, an emoji like ✅)`);
  }
  return s;
}

export async function setStatusOp(
  path: string,
  id: string,
  status: string,
  filters: Filters,
  opts: TransactOptions,
): Promise<OpResult & { from: Status }> {
  parseStatusArgument(status); // a usage error before any lock is taken
  const r = await transact(path, opts, ({ plan, display, compact }, ec) => {
    const to = parseStatusArgument(status, plan.statusExtension);
    const before = resolveTask(plan.tasks, id, filters, display, compact, true);
    const change = setStatusEdits(ec, before, to);
    return { edits: change.edits, touched: [before], value: { before, task: { ...before, status: to, statusText: change.statusText }, from: change.from } };
  });
  return { ...r.value, changed: r.changed, written: r.written, diff: r.diff, display: r.display };
}
