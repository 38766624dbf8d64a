// The compact JSON form of a Plan kept in the cache: tasks as arrays, sections
// interned, and every task's offsets relative — its anchor (row or item start)
// to the previous task's anchor, its cells and spans to its anchor. So an edit
// inside one row changes that row's entry and the next task's anchor, nothing
// else: plan's own writes update the cache in place (updateCompact) instead of
// re-encoding 10,000 tasks. A task's source is only unpacked when read.

import type { Span } from '../parse/blocks.js';
import type { Plan, Task, TaskSource } from '../model/types.js';
import { STATUSES, type Status } from '../status.js';

type Row = [
  id: string, kind: 0 | 1, title: string, status: number, statusText: string, owner: string | null, notes: string | null,
  priority: string | null, sprint: string | null, week: string | null, month: string | null, phase: string | null,
  milestone: string | null, section: number, line: number, fields: Record<string, string> | 0, idFromFile: 0 | 1,
  /** Row: [0, table, anchor delta, row length, ...cell start/end relative to the anchor]; item: [1, anchor delta, …]. */
  source: number[],
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
  let prev = 0;
  const tasks = plan.tasks.map((t): Row => {
    const anchor = anchorOf(t.source);
    const row = compactRow(t, sectionOf(t.section), anchor - prev);
    prev = anchor;
    return row;
  });
  const { tasks: _omit, ...rest } = plan;
  void _omit;
  return { plan: rest, sections, tasks };
}

function anchorOf(s: TaskSource): number {
  return s.type === 'row' ? s.row.start : s.item.start;
}

function compactRow(t: Task, section: number, delta: number): Row {
  return [
    t.id, t.kind === 'week' ? 1 : 0, t.title, STATUSES.indexOf(t.status), t.statusText, t.owner, t.notes, t.priority,
    t.sprint, t.week, t.month, t.phase, t.milestone, section, t.line,
    Object.keys(t.fields).length ? t.fields : 0, t.idFromFile ? 1 : 0, packSource(t.source, delta),
  ];
}

function packSource(s: TaskSource, delta: number): number[] {
  if (s.type === 'row') {
    const a = s.row.start;
    const out = [0, s.table, delta, s.row.end - a];
    for (const c of s.cells) out.push(c.start - a, c.end - a);
    return out;
  }
  const a = s.item.start;
  const rel = (x: Span | null) => (x ? [x.start - a, x.end - a] : [-1, -1]);
  return [1, delta, s.item.end - a, ...rel(s.checkbox), s.checked === null ? 2 : s.checked ? 1 : 0, s.text.start - a, s.text.end - a, ...rel(s.statusMark)];
}

function unpackSource(p: number[], anchor: number, plan: Omit<Plan, 'tasks'>): TaskSource {
  if (p[0] === 0) {
    const table = p[1]!;
    const cells: Span[] = [];
    for (let i = 4; i < p.length; i += 2) cells.push({ start: anchor + p[i]!, end: anchor + p[i + 1]! });
    return { type: 'row', table, row: { start: anchor, end: anchor + p[3]! }, cells, columns: plan.tables[table]!.columns };
  }
  const span = (i: number) => (p[i]! < 0 ? null : { start: anchor + p[i]!, end: anchor + p[i + 1]! });
  return {
    type: 'item',
    item: { start: anchor, end: anchor + p[2]! },
    checkbox: span(3),
    checked: p[5] === 2 ? null : p[5] === 1,
    text: { start: anchor + p[6]!, end: anchor + p[7]! },
    statusMark: span(8),
  };
}

export function expand(c: CompactPlan): Plan {
  const plan = c.plan;
  let anchor = 0;
  const tasks = c.tasks.map((r): Task => {
    const packed = r[17];
    anchor += packed[packed[0] === 0 ? 2 : 1]!;
    const at = anchor;
    let source: TaskSource | undefined;
    return {
      id: r[0], kind: r[1] ? 'week' : 'task', title: r[2], status: STATUSES[r[3]] as Status, statusText: r[4], owner: r[5],
      notes: r[6], priority: r[7], sprint: r[8], week: r[9], month: r[10], phase: r[11], milestone: r[12],
      section: c.sections[r[13]] ?? null, line: r[14], fields: r[15] || {}, idFromFile: r[16] === 1,
      // Unpacked on first use: most commands read a few tasks' sources, not 10,000.
      get source(): TaskSource {
        return (source ??= unpackSource(packed, at, plan));
      },
      set source(s: TaskSource) {
        source = s;
      },
    };
  });
  return { ...plan, tasks } as Plan;
}

/**
 * Updates `c` in place after edits that keep the line structure and change only
 * the cells of `changed` tasks (given as they read after the edit, with their
 * new sources) and the date stamps.
 */
export function updateCompact(c: CompactPlan, edits: { start: number; end: number; text: string }[], changed: Map<number, Task>, modified: string | null): void {
  const delta = (e: { start: number; end: number; text: string }) => e.text.length - (e.end - e.start);
  const shiftAt = (x: number) => edits.reduce((d, e) => (e.end <= x && !(e.start === e.end && e.start === x) ? d + delta(e) : d), 0);
  // Anchors are relative: a task's anchor delta grows by the edits between the
  // previous anchor and its own. Old anchors come from the compact rows (reading
  // plan.tasks[i].source would unpack every task).
  let prevOld = 0;
  let anchorOld = 0;
  c.tasks.forEach((row, i) => {
    const packed = row[17];
    const k = packed[0] === 0 ? 2 : 1;
    anchorOld += packed[k]!;
    const grow = shiftAt(anchorOld) - shiftAt(prevOld);
    const updated = changed.get(i);
    if (updated) {
      c.tasks[i] = compactRow(updated, row[13], anchorOf(updated.source) - (prevOld + shiftAt(prevOld)));
    } else if (grow !== 0) {
      packed[k] = packed[k]! + grow;
    }
    prevOld = anchorOld;
  });
  const p = c.plan;
  const map = (x: number) => x + shiftAt(x);
  const mapSpan = (s: Span): Span => ({ start: map(s.start), end: map(s.end) });
  p.bodyStart = map(p.bodyStart);
  p.frontMatter = { ...p.frontMatter, modified, span: p.frontMatter.span && mapSpan(p.frontMatter.span) };
  p.tables = p.tables.map((t) => ({ ...t, start: map(t.start), end: map(t.end), header: mapSpan(t.header), delimiter: mapSpan(t.delimiter) }));
}
