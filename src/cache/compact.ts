// A compact JSON form of a Plan for the cache: tasks as arrays, sections
// interned, row cells flattened, a row's columns taken from its table. About a
// third of the plain JSON, so an unchanged 10,000-task plan loads in a few ms.

import type { Plan, Task, TaskSource } from '../model/types.js';
import { STATUSES, type Status } from '../status.js';

type Row = [
  id: string, kind: 0 | 1, title: string, status: number, statusText: string, owner: string | null, notes: string | null,
  priority: string | null, sprint: string | null, week: string | null, month: string | null, phase: string | null,
  milestone: string | null, section: number, line: number, fields: Record<string, string> | 0, idFromFile: 0 | 1, source: unknown[],
];

export interface CompactPlan {
  plan: Omit<Plan, 'tasks'>;
  sections: (string | null)[];
  tasks: Row[];
}

export function compact(plan: Plan): CompactPlan {
  const sections: (string | null)[] = [];
  const index = new Map<string | null, number>();
  const sectionOf = (s: string | null) => {
    let i = index.get(s);
    if (i === undefined) {
      i = sections.push(s) - 1;
      index.set(s, i);
    }
    return i;
  };
  const tasks = plan.tasks.map((t): Row => [
    t.id, t.kind === 'week' ? 1 : 0, t.title, STATUSES.indexOf(t.status), t.statusText, t.owner, t.notes, t.priority,
    t.sprint, t.week, t.month, t.phase, t.milestone, sectionOf(t.section), t.line,
    Object.keys(t.fields).length ? t.fields : 0, t.idFromFile ? 1 : 0, source(t.source),
  ]);
  const { tasks: _omit, ...rest } = plan;
  void _omit;
  return { plan: rest, sections, tasks };
}

function source(s: TaskSource): unknown[] {
  if (s.type === 'row') return [0, s.table, s.row.start, s.row.end, s.cells.flatMap((c) => [c.start, c.end])];
  const span = (x: { start: number; end: number } | null) => (x ? [x.start, x.end] : 0);
  return [1, s.item.start, s.item.end, span(s.checkbox), s.checked === null ? 2 : s.checked ? 1 : 0, s.text.start, s.text.end, span(s.statusMark)];
}

export function expand(c: CompactPlan): Plan {
  const plan = c.plan as Plan;
  const tasks = c.tasks.map((r): Task => ({
    id: r[0], kind: r[1] ? 'week' : 'task', title: r[2], status: STATUSES[r[3]] as Status, statusText: r[4], owner: r[5],
    notes: r[6], priority: r[7], sprint: r[8], week: r[9], month: r[10], phase: r[11], milestone: r[12],
    section: c.sections[r[13]] ?? null, line: r[14], fields: r[15] || {}, idFromFile: r[16] === 1, source: unsource(r[17], plan),
  }));
  return { ...plan, tasks };
}

function unsource(s: unknown[], plan: Plan): TaskSource {
  if (s[0] === 0) {
    const flat = s[4] as number[];
    const cells = [];
    for (let i = 0; i < flat.length; i += 2) cells.push({ start: flat[i]!, end: flat[i + 1]! });
    const table = s[1] as number;
    return { type: 'row', table, row: { start: s[2] as number, end: s[3] as number }, cells, columns: plan.tables[table]!.columns };
  }
  const span = (x: unknown) => (Array.isArray(x) ? { start: x[0] as number, end: x[1] as number } : null);
  return {
    type: 'item',
    item: { start: s[1] as number, end: s[2] as number },
    checkbox: span(s[3]),
    checked: s[4] === 2 ? null : s[4] === 1,
    text: { start: s[5] as number, end: s[6] as number },
    statusMark: span(s[7]),
  };
}
