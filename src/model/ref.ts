// References for tasks the file gives no id: `@` and five hex digits derived
// from what the task says (its title) and where it is (its group), never from
// its line. A line inserted above a task leaves its reference alone; a task
// whose words change gets a new one, so an old reference is refused rather
// than applied to another task. Two tasks that say the same thing in the same
// group share a reference, and commands ask which one is meant.

import type { Task } from './types.js';

export function taskRef(t: Pick<Task, 'title' | 'group'>): string {
  const key = `${t.group ?? ''}\u0000${t.title.trim().replace(/\s+/g, ' ').toLowerCase()}`;
  // FNV-1a, 32 bits: small, stable across versions and machines.
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `@${(h >>> 12).toString(16).padStart(5, '0')}`;
}

/** Whether an id is a derived reference (`@3fa9c`) rather than one written in the file. */
export function isRef(id: string): boolean {
  return /^@[0-9a-f]{5}$/.test(id);
}
