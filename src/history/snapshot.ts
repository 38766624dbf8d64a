// What the history commands keep of one version of a plan: each task's
// identity (for matching across versions), status, owner and scope, and
// apart from them its line (which moves whenever a line is added above it).
// Tasks that did not change are the very same objects from one version to
// the next (see store.ts), so comparing versions is mostly comparing pointers.

import type { Plan, Task } from '../model/types.js';
import type { Matchable } from '../query/match.js';
import type { Status } from '../model/status.js';

export interface SnapshotTask extends Matchable {
  kind: Task['kind'];
  status: Status;
  owner: string | null;
  sprint: string | null;
  week: string | null;
  month: string | null;
  phase: string | null;
  milestone: string | null;
}

export interface Snapshot {
  tasks: SnapshotTask[];
  /** The 1-based line of each task. */
  lines: number[];
}

export const EMPTY_SNAPSHOT: Snapshot = { tasks: [], lines: [] };

export function snapshotOf(plan: Plan): Snapshot {
  return { tasks: plan.tasks.map(snapshotTask), lines: plan.tasks.map((t) => t.line) };
}

/** What history keeps of one task. */
export function snapshotTask(t: Task): SnapshotTask {
  return {
    id: t.id,
    idFromFile: t.idFromFile,
    title: t.title,
    section: t.section,
    kind: t.kind,
    status: t.status,
    owner: t.owner,
    sprint: t.sprint,
    week: t.week,
    month: t.month,
    phase: t.phase,
    milestone: t.milestone,
  };
}
