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

/**
 * `scopes` as the cache file keeps them: runs of one scope, `[count, entry]`
 * (tasks of a scope stand together, so 10,000 entries are a few hundred runs).
 */
export type ScopeRuns = [number, string][];

export function packScopes(scopes: string[]): ScopeRuns {
  const runs: ScopeRuns = [];
  for (const s of scopes) {
    const last = runs[runs.length - 1];
    if (last && last[1] === s) last[0]++;
    else runs.push([1, s]);
  }
  return runs;
}

/** The entries packScopes packed, or null when `runs` is not such a list of `n` entries in all (a damaged file). */
export function unpackScopes(runs: unknown, n: number): string[] | null {
  if (!Array.isArray(runs)) return null;
  const scopes: string[] = [];
  for (const r of runs as unknown[]) {
    if (!Array.isArray(r) || !Number.isInteger(r[0]) || r[0] < 1 || typeof r[1] !== 'string' || scopes.length + r[0] > n) return null;
    for (let i = 0; i < r[0]; i++) scopes.push(r[1]);
  }
  return scopes.length === n ? scopes : null;
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
