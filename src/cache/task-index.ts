// What the cache knows of every task before any chunk of the model is read:
// its id and its scope, so a command that names one task (`plan set 3.1 done
// --sprint 2`) reads only the chunks that may hold it. The scopes are stored
// encoded; this module is the only one that writes or reads that encoding.

import type { Scope, Task } from '../model/types.js';

export interface TaskIndex {
  /** Every task's id, in file order. */
  ids: string[];
  /** Every task's scope, encoded: read one with taskScope. */
  scopes: string[];
}

/** The order of the scopes in an entry, joined by NUL ('' for none). */
const SCOPE_ORDER = ['sprint', 'week', 'month', 'phase', 'milestone'] as const;

/** A task's `scopes` entry. */
export function scopeKey(t: Task): string {
  return SCOPE_ORDER.map((k) => t[k] ?? '').join('\u0000');
}

/** The sprint, week, month, phase and milestone of task `i` of the index. */
export function taskScope(index: TaskIndex, i: number): Scope {
  const parts = index.scopes[i]!.split('\u0000');
  const scope = {} as Scope;
  SCOPE_ORDER.forEach((k, j) => {
    scope[k] = parts[j] || null;
  });
  return scope;
}

/** The index of a lazily read model's tasks (compact.ts expandLazily), by its task list. */
const indexes = new WeakMap<object, TaskIndex>();

/** Says that `tasks` (a lazily read list) has `index`: a filter can then skip the chunks none of whose tasks it wants. */
export function indexTasks(tasks: object, index: TaskIndex): void {
  indexes.set(tasks, index);
}

/** The index of `tasks` when it is a lazily read model's list (reading a task of it reads its chunk). */
export function indexOfTasks(tasks: object): TaskIndex | undefined {
  return indexes.get(tasks);
}
