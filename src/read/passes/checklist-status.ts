// A pass after reading: a heading task that states no status of its own takes
// the one its checklist says, as a person reads `### Task 3: …` over its
// acceptance boxes: done when every box is ticked, in progress when some are,
// pending when none is.

import type { Status } from '../../model/status.js';
import type { Heading, Plan, Task } from '../../model/types.js';

/**
 * Gives each heading task without a status of its own (no mark or word in the heading, no `Status:` field,
 * no section naming a state, no other place showing one) whose tasks are all checklist items the status
 * those boxes add up to (Task.statusFrom). A heading that holds any other task keeps no status: its work
 * is not a checklist. `tasks` are in file order, as the builder lists them.
 */
export function checklistStatuses(tasks: readonly Task[], headings: readonly Heading[]): void {
  const headingAt = new Map(headings.map((h, i) => [h.line, i]));
  tasks.forEach((t, i) => {
    const at = headingAt.get(t.line);
    if (at === undefined || !statesNothing(t)) return;
    const status = checklistStatus(boxesUnder(tasks, i, sectionEnd(headings, at)));
    if (status) Object.assign(t, { status, statusFrom: 'checklist' as const });
  });
}

/** The checklist items under heading task `tasks[i]` (whose section ends at line `end`), or none when it holds other tasks. */
function boxesUnder(tasks: readonly Task[], i: number, end: number): Task[] {
  const boxes: Task[] = [];
  for (let k = i + 1; k < tasks.length && tasks[k]!.line < end; k++) {
    const u = tasks[k]!;
    // Any other task under it (a row, a plain item, a heading task) makes it more than a checklist.
    if (u.source.type !== 'item' || u.source.checkbox === null) return [];
    boxes.push(u);
  }
  return boxes;
}

/** The boxes a heading task's status comes from (Task.statusFrom), in file order; empty for any other task. */
export function checklistOf(plan: Pick<Plan, 'tasks' | 'headings'>, t: Task): Task[] {
  if (t.statusFrom !== 'checklist') return [];
  const at = plan.headings.findIndex((h) => h.line === t.line);
  // By line and id: a writer's task may be a copy of the model's.
  const i = plan.tasks.findIndex((u) => u.line === t.line && u.id === t.id);
  return at < 0 || i < 0 ? [] : boxesUnder(plan.tasks, i, sectionEnd(plan.headings, at));
}

/** A heading task that writes no status anywhere (and is written nowhere else that could show one). */
function statesNothing(t: Task): boolean {
  return t.source.type === 'heading' && t.source.status === null && t.status === 'none' && t.statusText === '' && !t.mentions?.length;
}

/** The line where heading `at`'s section ends: the next heading at its depth or above (beyond the file: Infinity). */
function sectionEnd(headings: readonly Heading[], at: number): number {
  const depth = headings[at]!.depth;
  for (let i = at + 1; i < headings.length; i++) if (headings[i]!.depth <= depth) return headings[i]!.line;
  return Number.POSITIVE_INFINITY;
}

/**
 * What the boxes add up to: a box struck out as cancelled holds nothing open; every other box is done,
 * started (`[/]`, an in-progress word after it) or not. Null when there are no boxes to go by.
 */
function checklistStatus(boxes: readonly Pick<Task, 'status'>[]): Status | null {
  const open = boxes.filter((b) => b.status !== 'cancelled');
  if (open.length === 0) return null;
  const done = open.filter((b) => b.status === 'done').length;
  if (done === open.length) return 'done';
  return done > 0 || open.some((b) => b.status === 'in-progress') ? 'in-progress' : 'pending';
}
