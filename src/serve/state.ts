// The board's state as the page reads it (GET /api/state): the tasks the filters keep, in render/'s JSON
// shape, each with a revision (what the page sends back with a write, so a task changed since it was shown
// is refused) and what it waits on; the statuses the plan uses (the columns), progress per group and the
// file's problems as `plan summary --json` and `plan check --json` give them.

import { createHash } from 'node:crypto';
import type { Plan, Problem, Task } from '../model/types.js';
import { loadPlan } from '../load/load.js';
import { locatePlanFiles } from '../load/files.js';
import { loadPlanSet } from '../load/plan-set.js';
import { checkPlanFiles } from '../check/across.js';
import { filterTasks, type FILTER_NAMES, type Filters } from '../query/filter.js';
import { boardColumns } from '../query/board.js';
import { DependencyGraph } from '../query/deps.js';
import { summarise } from '../query/summary.js';
import { runChecks } from '../check/index.js';
import { SCHEMA_VERSION, taskJson } from '../render/json.js';
import { summaryJson } from '../render/summary-shapes.js';
import { PlanError } from '../system/errors.js';
import { isFinished, isSettable } from '../model/status.js';

/** The filters the page may send: the CLI's own, by the CLI's names (`text` is `--grep`). */
const PAGE_FILTERS = [
  'sprint',
  'week',
  'month',
  'phase',
  'milestone',
  'section',
  'owner',
  'status',
  'grep',
] as const satisfies readonly (typeof FILTER_NAMES)[number][];

export function filtersOf(query: URLSearchParams): Filters {
  const f: Filters = {};
  for (const name of PAGE_FILTERS) {
    const v = query.get(name === 'grep' ? 'text' : name)?.trim();
    if (v) f[name] = v;
  }
  return f;
}

/** What a task looks like to the page: when it changes, a write the page asks for on what it saw is refused. */
export function revisionOf(t: Task): string {
  const seen = [t.id, t.kind, t.title, t.status, t.statusText, t.owner, t.notes, t.group];
  return createHash('sha1').update(JSON.stringify(seen)).digest('hex').slice(0, 16);
}

/** Refuses a write when the task is no longer the one the page showed (see actions/set.ts TaskGuard). */
export function sameRevision(rev: string) {
  return (before: Task, display: string): void => {
    if (revisionOf(before) === rev) return;
    throw new PlanError(
      `${display}:${before.line}: task ${before.id} changed since the page showed it (now "${before.title}", ${before.status}); nothing was written`,
    );
  };
}

/** The plan a server shows: its one file, or a plan of several files by its -f values (none: $PLAN_FILE, `.planrc.json`). */
export type ServedPlan = string | { explicit: string | readonly string[] | undefined };

type ProblemJson = Pick<Problem, 'line' | 'column' | 'severity' | 'code' | 'message'> & { file?: string };

const problemJson = (p: Problem): ProblemJson => ({ line: p.line, column: p.column, severity: p.severity, code: p.code, message: p.message });

export async function boardState(served: ServedPlan, filters: Filters) {
  if (typeof served === 'string') {
    const { plan, text, display } = await loadPlan(served);
    return board(plan, display, filters, plan.frontMatter.readOnly, runChecks({ plan, text }).map(problemJson));
  }
  // A plan of several files, found again at each look: each problem names its file, a file that cannot be read is `unreadable`.
  const set = await loadPlanSet(locatePlanFiles(served.explicit));
  const { plan, display } = set.loaded;
  const problems = checkPlanFiles(plan, (k) => set.files[k]!.text).flatMap(({ part, findings }) =>
    findings.map((p) => ({ file: part.file, ...problemJson(p) })),
  );
  const readOnly = plan.parts!.every((p) => p.plan.frontMatter.readOnly);
  return { ...board(plan, display, filters, readOnly, problems), ...(set.failures.length ? { unreadable: set.failures } : {}) };
}

function board(plan: Plan, display: string, filters: Filters, readOnly: boolean, problems: ProblemJson[]) {
  const shown = filterTasks(plan.tasks, filters);
  const graph = new DependencyGraph(plan);
  const tasks = shown.map((t) => {
    const waitingOn = isFinished(t.status) ? [] : graph.waitingOn(t).map((x) => x.id);
    return { ...taskJson(t), rev: revisionOf(t), waitingOn, ready: !isFinished(t.status) && waitingOn.length === 0 };
  });
  return {
    schemaVersion: SCHEMA_VERSION,
    file: display,
    readOnly,
    statuses: boardColumns(plan.tasks).map((c) => c.status),
    // The columns a card can be moved to (by drag or by number): all but "No status", which no write sets.
    targets: boardColumns(plan.tasks)
      .map((c) => c.status)
      .filter(isSettable),
    tasks,
    summary: summaryJson(summarise(plan, shown), display),
    problems,
  };
}
