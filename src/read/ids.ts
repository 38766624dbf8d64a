// Task ids as plan compares them, in one place: `#12` and `12`, `T-1` and `t-1`
// are one id; a task whose id another task shares is named by its line (`L42`).
// Every lookup, count or comparison of ids goes through these.

import type { Task } from '../model/types.js';

/** An id as plan compares ids (`#12` and `12`, `T-1` and `t-1` are one id): every lookup by id uses this. */
export function idKey(id: string): string {
  return id.trim().toLowerCase().replace(/^#/, '');
}

/** Whether two ids name the same task id. */
export function sameId(a: string, b: string): boolean {
  return idKey(a) === idKey(b);
}

/** How many tasks have each id (by idKey). */
export function countIds(tasks: readonly Pick<Task, 'id'>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tasks) {
    const key = idKey(t.id);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** How a task is named among others: its id when no other task has it, else its line (`L42`). */
export function idOrLine(t: Pick<Task, 'id' | 'line'>, counts: ReadonlyMap<string, number>): string {
  return counts.get(idKey(t.id)) === 1 ? t.id : lineRef(t.line);
}

/** `L42`: a task named by its line. */
export function lineRef(line: number): string {
  return `L${line}`;
}

/** The line an `L42` names, or null for anything else. */
export function parseLineRef(text: string): number | null {
  const m = /^L(\d+)$/i.exec(text.trim());
  return m ? Number(m[1]) : null;
}

/** A task named with its file (`sprint2.md#1.3`): how a plan of several files names an id that more than one file has. */
export function fileRef(file: string, id: string): string {
  return `${file}#${id}`;
}

/** `sprint2.md#1.3` → the id within the file, when `ref` names it by one of `names` (its path, its name); else null. */
export function idInFile(ref: string, ...names: string[]): string | null {
  const wanted = ref.trim();
  for (const prefix of names) {
    if (wanted.length > prefix.length + 1 && wanted.startsWith(`${prefix}#`)) return wanted.slice(prefix.length + 1);
  }
  return null;
}
