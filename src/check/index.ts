// Every check, run in one pass over a plan: `plan check` and its tests use this.

import type { Problem } from '../model/types.js';
import { MERGE_CONFLICT } from '../read/merge-conflict.js';
import { checkDuplicateIds } from './duplicates.js';
import { checkMentionStatuses } from './mentions.js';
import { checkOpenDependencies } from './dependencies.js';
import { checkInvalidUtf8 } from './encoding.js';
import { checkReadProblems } from './read-problems.js';
import { checkCharsLimit } from './limits.js';
import { checkMojibake } from './mojibake.js';
import { checkUnknownStatuses } from './statuses.js';
import { checkIdColumns, checkRaggedRows } from './tables.js';
import { checkTableReading } from './reading.js';
import type { Check, CheckInput } from './types.js';

export type { CheckInput } from './types.js';

const CHECKS: readonly Check[] = [
  checkReadProblems,
  checkInvalidUtf8,
  checkMojibake,
  checkCharsLimit,
  checkDuplicateIds,
  checkMentionStatuses,
  checkUnknownStatuses,
  checkRaggedRows,
  checkIdColumns,
  checkOpenDependencies,
  checkTableReading,
];

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Unresolved merge conflicts come first: until they are resolved, the rest may be the markers' doing. */
const first = (p: Problem): number => (p.code === MERGE_CONFLICT ? 0 : 1);

/** Every problem of the plan: merge conflicts, then the rest by line, then column, then severity. */
export function runChecks(input: CheckInput): Problem[] {
  return CHECKS.flatMap((check) => check(input)).sort(
    (a, b) => first(a) - first(b) || a.line - b.line || a.column - b.column || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
}
