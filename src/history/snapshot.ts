// What the history commands keep of one version of a plan: each task's
// identity (for matching across versions), status, owner and scope. Small
// enough to cache for every blob of a long history.

import type { Plan, Task } from '../model/types.js';
import type { Matchable } from '../query/match.js';
import type { Status } from '../status.js';

export interface SnapshotTask extends Matchable {
  kind: Task['kind'];
  status: Status;
  owner: string | null;
  sprint: string | null;
  week: string | null;
  month: string | null;
  phase: string | null;
  milestone: string | null;
  line: number;
}

export interface Snapshot {
  tasks: SnapshotTask[];
}

export const EMPTY_SNAPSHOT: Snapshot = { tasks: [] };

export function snapshotOf(plan: Plan): Snapshot {
  return {
    tasks: plan.tasks.map((t) => ({
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
      line: t.line,
    })),
  };
}

// The cached form: each task as an array of indices into one string table
// (sections, statuses and scopes repeat on every row).
const FIELDS = ['id', 'title', 'section', 'kind', 'status', 'owner', 'sprint', 'week', 'month', 'phase', 'milestone'] as const;

export interface PackedSnapshot {
  strings: string[];
  /** FIELDS as string indices (-1 for null), then idFromFile (0/1), then line. */
  tasks: number[][];
}

export function pack(s: Snapshot): PackedSnapshot {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const ref = (v: string | null): number => {
    if (v === null) return -1;
    let i = index.get(v);
    if (i === undefined) index.set(v, (i = strings.push(v) - 1));
    return i;
  };
  return { strings, tasks: s.tasks.map((t) => [...FIELDS.map((f) => ref(t[f])), t.idFromFile ? 1 : 0, t.line]) };
}

export function unpack(p: PackedSnapshot): Snapshot {
  const str = (i: number | undefined): string | null => (i === undefined || i < 0 ? null : (p.strings[i] ?? null));
  return {
    tasks: p.tasks.map((row) => {
      const v = (f: (typeof FIELDS)[number]) => str(row[FIELDS.indexOf(f)]);
      return {
        id: v('id') ?? '',
        title: v('title') ?? '',
        section: v('section'),
        kind: (v('kind') ?? 'task') as Task['kind'],
        status: (v('status') ?? 'none') as Status,
        owner: v('owner'),
        sprint: v('sprint'),
        week: v('week'),
        month: v('month'),
        phase: v('phase'),
        milestone: v('milestone'),
        idFromFile: row[FIELDS.length] === 1,
        line: row[FIELDS.length + 1] ?? 0,
      };
    }),
  };
}
