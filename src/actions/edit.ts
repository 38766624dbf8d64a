// Changing a task's title, owner or notes, with the write path's guarantees:
// the cells of a table row, or the parts of a list item's text. An owner
// without an Owner column is written as an `@owner` mark (see model/owner-mark.ts).

import { transact, type TransactOptions } from '../write/transaction.js';
import { buildFromText } from '../load/load.js';
import { inlineDependencies } from '../read/depends.js';
import { applyEdits } from '../write/splice.js';
import { cellEdit, checkMarkName, checkValue, statusCellOwnerEdit } from '../write/task-edits.js';
import { itemTextEdit } from '../write/item-text.js';
import type { Edit } from '../write/splice.js';
import type { Task } from '../model/types.js';
import type { EditContext } from '../write/task-edits.js';
import type { Filters } from '../query/filter.js';
import { checkSamePosition, resolveTask } from '../query/resolve.js';
import { PlanError, UsageError } from '../system/errors.js';
import { plainText } from '../text/plain.js';
import type { OpResult, TaskGuard } from './set.js';
import { assignRefs } from '../read/ref.js';
import { headingFieldEdits } from '../write/field-lines.js';
import { fieldReadBack, hasFieldChanges, itemFieldText, itemRegionStart, parseFieldArgs, rowFieldEdits, type FieldArgs } from '../write/field-text.js';

/** The reference `after` gets among the file's tasks, in place of `before`. */
function refAfterRetitle(tasks: readonly Task[], before: Task, after: Task): string {
  const at = tasks.findIndex((t) => t.line === before.line && t.id === before.id);
  const copies = tasks.map((t, i) => (i === at ? { ...after } : { ...t }));
  assignRefs(copies);
  return copies[at]!.id;
}

/**
 * New words can change what a line is (`**Status**: open` is a field, `(to be named)` a placeholder) or, on a board,
 * whether its table reads as one at all (`X`, `yes`, `✅` among the cards make it a table of marks): read afresh, the
 * plan must hold as many tasks, every other one on its line with its title and status, this one on its line with its status.
 */
async function titleReadBack(ec: EditContext, edits: Edit[], before: Task, display: string, want: Task, tagsKept: boolean): Promise<void> {
  const after = await buildFromText(ec.file, applyEdits(ec.text, edits, ec.file), false);
  const at = ec.plan.tasks.findIndex((t) => t.line === before.line && t.id === before.id);
  // The task itself is known by its place and status (its title is the new one), the others by their titles too.
  const keys = (tasks: readonly Task[]) => tasks.map((t, i) => `${t.line} ${t.status}${i === at ? '' : ` ${t.title}`}`).join('\n');
  if (after.tasks.length === ec.plan.tasks.length && keys(after.tasks) === keys(ec.plan.tasks)) {
    // And the task reads back as the command reports it: its new title, its notes, owner and tags as they were.
    const got = after.tasks[at]!;
    const tags = (t: Task) => JSON.stringify(t.tags ?? []);
    if (got.title === want.title && got.notes === want.notes && got.owner === want.owner && (!tagsKept || tags(got) === tags(before))) return;
    const notes = got.notes === want.notes ? '' : `, notes ${JSON.stringify(got.notes)}`;
    const tagged = !tagsKept || tags(got) === tags(before) ? '' : `, tags ${tags(got)}`;
    throw new PlanError(
      `${display}:${before.line}: task ${before.id} would read back as ${JSON.stringify(got.title)}${notes}${tagged}, not as given; nothing was written (give the title's words only)`,
    );
  }
  const board =
    before.source.type === 'row' && ec.plan.tables[before.source.table]?.lanes
      ? ` (its board would hold ${after.tasks.length} tasks, ${ec.plan.tasks.length} before, or read other cards otherwise)`
      : '';
  throw new PlanError(
    `${display}:${before.line}: that title would change how the plan reads${board || ` (task ${before.id} would no longer read as a task with its status, or another task would read otherwise)`}; nothing was written`,
  );
}

/** What `plan edit` changes: title, owner, notes, and the fields (due date, priority, tags; see edit/field-text.ts). */
export interface TaskChanges extends FieldArgs {
  title?: string;
  owner?: string;
  notes?: string;
}

export async function editOp(path: string, id: string, changes: TaskChanges, filters: Filters, opts: TransactOptions, guard?: TaskGuard): Promise<OpResult> {
  const roles = (['title', 'owner', 'notes'] as const).filter((k) => changes[k] !== undefined);
  for (const k of ['due', 'priority', 'tag', 'untag', 'depends', 'estimate'] as const) if (changes[k] !== undefined) checkValue(changes[k]!, `the ${k}`);
  const fields = parseFieldArgs(changes);
  if (roles.length === 0 && !hasFieldChanges(fields)) {
    throw new UsageError('nothing to change; give --title, --owner, --notes, --due, --priority, --tag, --untag, --depends and/or --estimate');
  }
  checkValue(id, 'the id');
  for (const role of roles) checkValue(changes[role]!, `the ${role}`);
  let first: Task | undefined; // what the reference named in a model found stale
  const r = await transact(path, opts, async ({ plan, display, compact }, ec) => {
    const before = resolveTask(plan.tasks, id, filters, display, compact, true);
    checkSamePosition(first, before, id, filters, display);
    first = before;
    guard?.(before, display);
    const src = before.source;
    if (src.type === 'heading' && roles.length === 0) {
      // Its due date and priority are field lines under it (`**Due:** 2025-03-14`).
      const edits = headingFieldEdits(ec, before, fields);
      if (edits.length === 0) return { edits, touched: [before], value: { before, task: before } };
      const back = await fieldReadBack(ec, edits, before, before.line, fields, `writing task ${before.id}'s fields`);
      return { edits, touched: [before], value: { before, task: back.task } };
    }
    if (src.type === 'heading' || src.type === 'entry') {
      const what = src.type === 'heading' ? 'a heading' : "an entry of the front matter's to-do list";
      const where = src.type === 'heading' ? 'the heading' : 'the front matter';
      throw new PlanError(`${display}:${before.line}: task ${before.id} is ${what}; plan edit changes table rows and list items only (edit ${where} by hand)`);
    }
    const markOwner = changes.owner !== undefined && (src.type === 'item' || src.columns.owner === undefined);
    if (markOwner && changes.owner!.trim()) checkMarkName(changes.owner!.trim(), `${display}:${before.line}: task ${before.id} has no Owner column`);
    const edits: Edit[] = [];
    const task: Task = { ...before };
    if (src.type === 'item') {
      const e = itemTextEdit(ec, before, changes);
      if (hasFieldChanges(fields)) {
        // The words and the field marks are one span of the item: one edit writes both.
        const start = itemRegionStart(ec, before);
        const old = ec.text.slice(start, src.text.end);
        const text = itemFieldText(ec, before, e ? e.text : old, fields);
        if (text !== old) edits.push({ start, end: src.text.end, expect: old, text });
      } else if (e) edits.push(e);
    } else {
      edits.push(...rowFieldEdits(ec, before, fields));
      for (const role of roles) {
        if (role === 'owner' && markOwner) {
          const e = statusCellOwnerEdit(ec, before, changes.owner!.trim());
          if (e) {
            edits.push(e.edit);
            task.statusText = plainText(e.cell);
          }
          continue;
        }
        if (src.columns[role] === undefined) {
          throw new PlanError(`${display}:${before.line}: task ${before.id}'s table has no ${role} column; nothing was written`);
        }
        const e = cellEdit(ec, before, role, changes[role]!);
        if (e) edits.push(e);
      }
    }
    for (const role of roles) {
      const shown = plainText(changes[role]!);
      // Dependency marks in a new title are read out of it (`Logout (after 1.1)`: title `Logout`).
      if (role === 'title') task.title = inlineDependencies(shown).title;
      else if (role === 'owner') task.owner = shown || null;
      else task.notes = shown || null;
    }
    // A task without an id of its own is known by its words: new words, a new reference (the one the file will give it).
    if (!before.idFromFile && task.title !== before.title) task.id = refAfterRetitle(plan.tasks, before, task);
    if (roles.includes('title') && edits.length) await titleReadBack(ec, edits, before, display, task, !fields.tag?.length && !fields.untag?.length);
    if (hasFieldChanges(fields) && edits.length) {
      // The task must read back with its new fields, every other task as before.
      const back = await fieldReadBack(ec, edits, before, before.line, fields, `writing task ${before.id}'s fields`, roles);
      return { edits, touched: [before], value: { before, task: back.task } };
    }
    return { edits, touched: [before], value: { before, task } };
  });
  return { ...r.value, changed: r.changed, written: r.written, diff: r.diff, display: r.display, remarks: r.remarks };
}
