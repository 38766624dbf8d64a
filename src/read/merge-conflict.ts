// A plan mid-merge: the problems its unresolved conflicts make (the parsers
// leave their marker lines out, see parse/conflicts.ts). Reads warn, `check`
// reports them first, writes refuse until they are resolved.

import type { Conflict } from '../parse/conflicts.js';
import type { Plan, Problem } from '../model/types.js';

export const MERGE_CONFLICT = 'merge-conflict';

export function conflictProblem(c: Conflict): Problem {
  return { line: c.line, column: 1, severity: 'error', code: MERGE_CONFLICT, message: `unresolved merge conflict (${c.ours}/${c.theirs})` };
}

/** The first unresolved merge conflict of a plan, and how many it has; null when there is none. */
export function midMerge(plan: Plan): { line: number; message: string; count: number } | null {
  const all = plan.problems.filter((p) => p.code === MERGE_CONFLICT);
  return all.length ? { line: all[0]!.line, message: all[0]!.message, count: all.length } : null;
}
