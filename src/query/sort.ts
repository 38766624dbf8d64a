// `--sort due,priority` (plan list, plan ready): the tasks ordered by the
// keys named, the first deciding; ties keep the order they came in (file
// order for list, next's order for ready). A task without the field goes after
// those with it, whatever the key.

import type { Task } from '../model/types.js';
import { PRIORITY_LEVELS } from '../read/priority.js';
import { UsageError } from '../system/errors.js';

const SORT_KEYS = ['due', 'priority', 'scheduled', 'start'] as const;
type SortKey = (typeof SORT_KEYS)[number];

/** The keys of a `--sort` value, checked: a usage error names the ones it takes. */
function sortKeys(value: string): SortKey[] {
  const keys = value
    .split(',')
    .map((k) => k.trim().toLowerCase())
    .filter(Boolean);
  const bad = keys.find((k) => !(SORT_KEYS as readonly string[]).includes(k));
  if (bad !== undefined || keys.length === 0) throw new UsageError(`--sort takes ${SORT_KEYS.join(', ')} (comma-separated, the first decides), not "${value}"`);
  return keys as SortKey[];
}

/** What a key sorts by: a date, or a priority's place on the scale ('~' after every value: none). */
function keyOf(t: Task, k: SortKey): string {
  if (k === 'priority') return t.priorityLevel ? String(PRIORITY_LEVELS.indexOf(t.priorityLevel)) : '~';
  return t[k] ?? '~';
}

/** The tasks in the order `--sort` names (a new array; stable). */
export function sortTasks<T extends Task>(tasks: readonly T[], value: string | undefined): T[] {
  if (value === undefined) return [...tasks];
  const keys = sortKeys(value);
  return tasks
    .map((t, i) => ({ t, i, k: keys.map((k) => keyOf(t, k)) }))
    .sort((a, b) => {
      for (let j = 0; j < keys.length; j++) if (a.k[j] !== b.k[j]) return a.k[j]! < b.k[j]! ? -1 : 1;
      return a.i - b.i;
    })
    .map((x) => x.t);
}
