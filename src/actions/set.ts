// Setting a task's status, as one operation the CLI and the MCP server share.

import { transact, type TransactOptions, type TransactResult } from '../write/transaction.js';
import { checkValue, readBackOf, statusOwnerEdits, type EditContext, type StatusChange } from '../write/task-edits.js';
import { checklistHeadsAbove, movedTaskAfter, onlyChecklistMoved } from '../write/verify.js';
import { ownedBy } from '../query/next.js';
import type { Plan, Task } from '../model/types.js';
import type { Filters } from '../query/filter.js';
import { checkSamePosition, closest, resolveTask } from '../query/resolve.js';
import { canonicalName, isFinished, normaliseWords, stripVS, Vocabulary, type SettableStatus, type Status } from '../model/status.js';
import { PlanError, UsageError } from '../system/errors.js';
import { nextOccurrenceEdit } from '../write/recurrence.js';
import { applyEdits, type Edit } from '../write/splice.js';
import { buildFromText } from '../load/load.js';

/**
 * A check of the task a write found, under the lock, before anything is written: it throws (a PlanError
 * saying why) to refuse. `plan serve` refuses a task that changed since the page showed it.
 */
export type TaskGuard = (before: Task, display: string) => void;

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
  /** What the write kept or restored (see WorkResult.remarks). */
  remarks: string[];
  /** The task moved to its new status's section on a board (from and to which heading). */
  moved?: { from: string; to: string; carried: number };
  /** Why a task on a board stayed where it is, for stderr. */
  notice?: string;
  /** Where the status went when the file gave it no place of its own (StatusChange.wrote). */
  wrote?: string;
}

/**
 * A dry run's output: the diff, after a `# plan:` line for each thing the
 * write kept or restored (`patch` and `git apply` skip lines before the diff).
 */
export function dryRunText(r: Pick<OpResult, 'diff' | 'remarks'>): string {
  return r.remarks.map((x) => `# plan: ${x}\n`).join('') + r.diff;
}

/** The status words a typing slip is matched against (`dnoe` → done). */
const SETTABLE_WORDS = ['done', 'in-progress', 'pending', 'blocked', 'cancelled', 'complete', 'wip', 'next', 'todo'];

export function parseStatusArgument(arg: string, extension: Record<string, SettableStatus> = {}): SettableStatus {
  const s = canonicalName(arg) ?? Vocabulary.of(extension).parseArgument(arg);
  if (!s) {
    const close = closest(arg.trim(), [...SETTABLE_WORDS, ...Object.keys(extension)]);
    const hint = close.length ? `did you mean ${close.join(', ')}? ` : '';
    throw new UsageError(
      `unknown status "${arg}"; ${hint}use done, in-progress, pending, blocked or cancelled (or complete, wip, next, todo, an emoji like ✅)`,
    );
  }
  return s;
}

/**
 * The file's own word for a status when `arg` is one (`Needs QA` from
 * `plan: statuses:` or `.planrc.json`), as its map spells it: `set` writes
 * that word rather than the file's usual text for the status.
 */
function ownWord(arg: string, extension: Record<string, SettableStatus>): string | null {
  if (canonicalName(arg)) return null;
  const wanted = normaliseWords(stripVS(arg));
  return Object.keys(extension).find((key) => normaliseWords(stripVS(key)) === wanted) ?? null;
}

/** The name an owner option gives (`set --owner`, `claim --owner`), or a usage error: one line, no control characters, not blank. */
export function ownerName(owner: string): string {
  checkValue(owner, 'the owner');
  const name = owner.trim();
  if (name === '') throw new UsageError('--owner needs a name; use `plan edit <id> --owner ""` to clear an owner');
  return name;
}

/** Sets a task's status; with `owner`, also assigns the task to that owner (as `plan edit --owner`). */
export async function setStatusOp(
  path: string,
  id: string,
  status: string,
  filters: Filters,
  opts: TransactOptions,
  owner?: string,
  guard?: TaskGuard,
): Promise<OpResult & { from: Status }> {
  checkValue(id, 'the id');
  checkValue(status, 'the status'); // a usage error before the lock, whatever the file's words
  const assign = owner === undefined ? undefined : ownerName(owner);
  let first: Task | undefined; // what the reference named in a model found stale
  let read: Plan | undefined;
  // The status is read with the file's own words, so only under the lock.
  const r = await transact(path, opts, async ({ plan, display, compact }, ec) => {
    read = plan;
    const to = parseStatusArgument(status, plan.statusExtension);
    const before = resolveTask(plan.tasks, id, filters, display, compact, true);
    checkSamePosition(first, before, id, filters, display);
    first = before;
    guard?.(before, display);
    const own = ownWord(status, plan.statusExtension);
    const assigned = assign !== undefined && !ownedBy(before, assign) ? assign : undefined;
    const change = statusOwnerEdits(ec, before, to, assigned, { word: status, ...(own ? { text: ec.style.textForWord(own) } : {}) });
    const task = { ...before, status: to, statusText: change.statusText, owner: assigned ?? before.owner };
    const recur = to === 'done' && before.status !== 'done' ? nextOccurrenceEdit(ec, before) : null;
    if (recur) {
      if (change.moved || change.reread) {
        throw new PlanError(`${display}:${before.line}: task ${before.id} recurs, and its next occurrence cannot be written here; nothing was written`);
      }
      await checkNextOccurrence(ec, before, [...change.edits, recur]);
      task.line = before.line + 1;
      change.remarks.push(`task ${before.id} recurs: its next occurrence is the new item at line ${before.line}`);
    }
    return {
      edits: recur ? [...change.edits, recur] : change.edits,
      touched: [before],
      remarks: change.remarks,
      reread: readBackOf(change, before, to),
      value: { before, task, from: change.from, ...moveOf(change) },
    };
  });
  return { ...afterMove(r, read), changed: r.changed, written: r.written, diff: r.diff, display: r.display };
}

/** A title without its dates: a leading `⏳ 2025-02-01` stays in the title where ⏳ reads as the item's status mark. */
const undated = (title: string) => title.replace(/\d{4}-\d{2}-\d{2}/g, '');

/** The file with the next occurrence written: one more task, open, on the line above the one now done; every other task as before. */
async function checkNextOccurrence(ec: EditContext, before: Task, edits: Edit[]): Promise<void> {
  const after = await buildFromText(ec.file, applyEdits(ec.text, edits, ec.file), false);
  const at = after.tasks.findIndex((t) => t.line === before.line);
  const added = after.tasks[at];
  const done = after.tasks[at + 1];
  const others = after.tasks.filter((_, i) => i !== at && i !== at + 1);
  const same = (a: Task, b: Task) => a.title === b.title && a.status === b.status && (a.idFromFile ? a.id === b.id : !b.idFromFile);
  const was = ec.plan.tasks.filter((t) => t !== before);
  // The new open box may change the status its heading's checklist gives (Task.statusFrom).
  const heads = checklistHeadsAbove(ec.plan, before.line);
  if (
    !added ||
    !done ||
    isFinished(added.status) ||
    done.status !== 'done' ||
    undated(added.title) !== undated(before.title) ||
    others.length !== was.length ||
    others.some((t, i) => !same(t, was[i]!) && !onlyChecklistMoved(was[i]!, t, heads, same))
  ) {
    throw new PlanError(`${ec.file}:${before.line}: writing task ${before.id}'s next occurrence would change how the plan reads; nothing was written`);
  }
}

/** The move and notice of a status change, for the op's result. */
export function moveOf(change: StatusChange): Pick<OpResult, 'moved' | 'notice' | 'wrote'> {
  return {
    ...(change.moved ? { moved: change.moved } : {}),
    ...(change.notice ? { notice: change.notice } : {}),
    ...(change.wrote ? { wrote: change.wrote } : {}),
  };
}

/**
 * The op's value with the moved task as it reads in its new place (its line,
 * and the reference its new section gives it, said in a remark when it changed).
 */
export function afterMove<V extends { before: Task; task: Task; moved?: { from: string; to: string; carried: number } }>(
  r: TransactResult<V>,
  plan: Plan | undefined,
): V & { remarks: string[] } {
  const v = r.value;
  if (!v.moved || !r.after || !plan) return { ...v, remarks: r.remarks };
  const found = movedTaskAfter(plan, r.after, v.before, v.task.status, v.moved.carried);
  if (!('task' in found)) return { ...v, remarks: r.remarks };
  const remarks = found.task.id === v.before.id ? r.remarks : [...r.remarks, `task ${v.before.id}: its reference is now ${found.task.id}`];
  return { ...v, task: found.task, remarks };
}
