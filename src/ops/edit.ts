// Changing a task's title, owner or notes cells, with the write path's guarantees.

import { transact, type TransactOptions } from '../edit/transaction.js';
import { cellEdit } from '../edit/task-edits.js';
import type { Edit } from '../edit/splice.js';
import type { Task } from '../model/types.js';
import type { Filters } from '../query/filter.js';
import { resolveTask } from '../query/resolve.js';
import { PlanError, UsageError } from '../errors.js';
import { plainText } from '../text/plain.js';
import type { OpResult } from './set.js';

export interface TaskChanges {
  title?: string;
  owner?: string;
  notes?: string;
}

export async function editOp(path: string, id: string, changes: TaskChanges, filters: Filters, opts: TransactOptions): Promise<OpResult> {
  const roles = (['title', 'owner', 'notes'] as const).filter((k) => changes[k] !== undefined);
  if (roles.length === 0) throw new UsageError('nothing to change; give --title, --owner and/or --notes');
  const r = await transact(path, opts, ({ plan, display, compact }, ec) => {
    const before = resolveTask(plan.tasks, id, filters, display, compact, true);
    if (before.source.type !== 'row') {
      throw new PlanError(`${display}:${before.line}: task ${before.id} is a list item; plan edit changes table rows only (edit the line by hand)`);
    }
    const edits: Edit[] = [];
    const task: Task = { ...before };
    for (const role of roles) {
      const value = changes[role]!;
      if (before.source.columns[role] === undefined) {
        throw new PlanError(`${display}:${before.line}: task ${before.id}'s table has no ${role} column; nothing was written`);
      }
      const e = cellEdit(ec, before, role, value);
      if (e) edits.push(e);
      const shown = plainText(value);
      if (role === 'title') task.title = shown;
      else if (role === 'owner') task.owner = shown || null;
      else task.notes = shown || null;
    }
    return { edits, touched: [before], value: { before, task } };
  });
  return { ...r.value, changed: r.changed, written: r.written, diff: r.diff, display: r.display };
}
