// The group a task is shown under in `plan list`: the heading a person would
// file it under, with the heading's decoration taken off.

import type { Task } from '../model/types.js';
import { groupName } from '../read/names.js';

/**
 * A task's group label: the model's `group` (the heading a person files it
 * under); null under no heading. In a plan of several files, its file first
 * (`sprint2.md › Sprint 2`), so that the list groups by file, then heading.
 */
export function taskGroup(t: Task): string | null {
  if (t.file === undefined) return t.group;
  return t.group === null ? t.file : `${t.file} › ${t.group}`;
}

/** A heading's text without decorative emoji and without a status written after its name (the model's group name). */
export const headingLabel = groupName;

export interface TaskGroup {
  label: string | null;
  tasks: Task[];
}

/** Tasks in file order, in runs of the same group: a heading line opens each run. */
export function groupRuns(tasks: readonly Task[], groupOf: (t: Task) => string | null = taskGroup): TaskGroup[] {
  const runs: TaskGroup[] = [];
  for (const t of tasks) {
    const label = groupOf(t);
    const last = runs[runs.length - 1];
    if (last && last.label === label) last.tasks.push(t);
    else runs.push({ label, tasks: [t] });
  }
  return runs;
}
