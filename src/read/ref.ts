// References for tasks the file gives no id: `@` and five hex digits derived
// from what the task says (its title) and where it is (its group), never from
// its line. A line inserted above a task leaves its reference alone; a task
// whose words change gets a new one, so an old reference is refused rather
// than applied to another task. References are unique within a file: a task
// that says the same thing as an earlier one in its group (or whose digest
// happens to be taken) gets the next free one of its own, in file order.

import type { Task } from '../model/types.js';

/** The reference of a task's words; `n` > 0 for the nth further one of the same words. */
export function taskRef(t: Pick<Task, 'title' | 'group' | 'groupName'>, n = 0): string {
  // The group as named, its state left out (`Phase 1 (In Progress)` is `Phase 1`): a state changes, the place does not.
  const key = `${t.groupName ?? t.group ?? ''}\u0000${t.title.trim().replace(/\s+/g, ' ').toLowerCase()}${n ? `\u0000${n}` : ''}`;
  // FNV-1a, 32 bits: small, stable across versions and machines.
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `@${(h >>> 12).toString(16).padStart(5, '0')}`;
}

/** Gives each task without an id of its own a reference no other task of the file has (in file order). */
export function assignRefs(tasks: readonly Task[]): void {
  const taken = new Set<string>();
  for (const t of tasks) if (t.idFromFile) taken.add(t.id);
  for (const t of tasks) {
    if (t.idFromFile) continue;
    let n = 0;
    while (taken.has(taskRef(t, n))) n++;
    t.id = taskRef(t, n);
    taken.add(t.id);
  }
}
