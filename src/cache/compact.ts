// The compact JSON form of a Plan kept in the cache: tasks as arrays, sections
// interned, and every task's offsets relative — its anchor (row or item start)
// to the previous task's anchor, its cells and spans to its anchor. So an edit
// inside one row changes that row's entry and the next task's anchor, nothing
// else: plan's own writes update the cache in place (updateCompact) instead of
// re-encoding 10,000 tasks. A task's source is only unpacked when read.

import type { Span } from '../parse/blocks.js';
import type { Plan, Task, TaskSource } from '../model/types.js';
import { STATUSES, type Status } from '../status.js';

/** Values that repeat from task to task (statuses as written, owners, scopes, sections) are indices into `strings` (-1: null). */
type Row = [
  id: string, kind: 0 | 1, title: string, status: number, statusText: number, owner: number, notes: string | null,
  priority: number, sprint: number, week: number, month: number, phase: number,
  milestone: number, section: number, line: number, fields: Record<string, string> | 0, idFromFile: 0 | 1,
  /** Row: [0, table, anchor delta, row length, ...cell start/end relative to the anchor]; item: [1, anchor delta, …]. */
  source: number[],
];

export interface CompactPlan {
  plan: Omit<Plan, 'tasks'>;
  strings: string[];
  tasks: Row[];
}

/** Interns repeated strings into a table; null is -1. */
function interner(strings: string[]): (s: string | null) => number {
  const index = new Map<string, number>();
  strings.forEach((s, i) => index.set(s, i));
  return (s) => {
    if (s === null) return -1;
    let i = index.get(s);
    if (i === undefined) {
      i = strings.push(s) - 1;
      index.set(s, i);
    }
    return i;
  };
}

export function compact(plan: Plan): CompactPlan {
  const strings: string[] = [];
  const intern = interner(strings);
  let prev = 0;
  const tasks = plan.tasks.map((t): Row => {
    const anchor = anchorOf(t.source);
    const row = compactRow(t, intern, anchor - prev);
    prev = anchor;
    return row;
  });
  const { tasks: _omit, ...rest } = plan;
  void _omit;
  return { plan: rest, strings, tasks };
}

function anchorOf(s: TaskSource): number {
  return s.type === 'row' ? s.row.start : s.item.start;
}

function compactRow(t: Task, intern: (s: string | null) => number, delta: number): Row {
  return [
    t.id, t.kind === 'week' ? 1 : 0, t.title, STATUSES.indexOf(t.status), intern(t.statusText), intern(t.owner), t.notes,
    intern(t.priority), intern(t.sprint), intern(t.week), intern(t.month), intern(t.phase), intern(t.milestone),
    intern(t.section), t.line, Object.keys(t.fields).length ? t.fields : 0, t.idFromFile ? 1 : 0, packSource(t.source, delta),
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
  const str = c.strings;
  let anchor = 0;
  const tasks = c.tasks.map((r): Task => {
    const packed = r[17];
    anchor += packed[packed[0] === 0 ? 2 : 1]!;
    const at = anchor;
    let source: TaskSource | undefined;
    return {
      id: r[0], kind: r[1] ? 'week' : 'task', title: r[2], status: STATUSES[r[3]] as Status, statusText: str[r[4]] ?? '',
      owner: str[r[5]] ?? null, notes: r[6], priority: str[r[7]] ?? null, sprint: str[r[8]] ?? null, week: str[r[9]] ?? null,
      month: str[r[10]] ?? null, phase: str[r[11]] ?? null, milestone: str[r[12]] ?? null,
      section: str[r[13]] ?? null, line: r[14], fields: r[15] || {}, idFromFile: r[16] === 1,
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
 * new sources) and the date stamps. Returns the indices of the task rows it changed.
 */
export function updateCompact(c: CompactPlan, edits: { start: number; end: number; text: string }[], changed: Map<number, Task>, modified: string | null): Set<number> {
  const dirty = new Set<number>();
  const intern = interner(c.strings);
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const delta = (e: { start: number; end: number; text: string }) => e.text.length - (e.end - e.start);
  const before = (e: { start: number; end: number }, x: number) => e.end <= x && !(e.start === e.end && e.start === x);
  const shiftAt = (x: number) => {
    let d = 0;
    for (const e of sorted) {
      if (!before(e, x)) break;
      d += delta(e);
    }
    return d;
  };
  // Anchors are relative: a task's anchor delta grows by the edits between the
  // previous anchor and its own. Old anchors come from the compact rows (reading
  // plan.tasks[i].source would unpack every task).
  let prevOld = 0;
  let anchorOld = 0;
  // Anchors only grow: walk the sorted edits alongside them.
  let next = 0;
  let shiftPrev = 0;
  let shiftHere = 0;
  c.tasks.forEach((row, i) => {
    const packed = row[17];
    const k = packed[0] === 0 ? 2 : 1;
    anchorOld += packed[k]!;
    while (next < sorted.length && before(sorted[next]!, anchorOld)) shiftHere += delta(sorted[next++]!);
    const grow = shiftHere - shiftPrev;
    const updated = changed.get(i);
    if (updated) {
      c.tasks[i] = compactRow(updated, intern, anchorOf(updated.source) - (prevOld + shiftPrev));
      dirty.add(i);
    } else if (grow !== 0) {
      packed[k] = packed[k]! + grow;
      dirty.add(i);
    }
    prevOld = anchorOld;
    shiftPrev = shiftHere;
  });
  const p = c.plan;
  const map = (x: number) => x + shiftAt(x);
  const mapSpan = (s: Span): Span => ({ start: map(s.start), end: map(s.end) });
  p.bodyStart = map(p.bodyStart);
  p.frontMatter = { ...p.frontMatter, modified, span: p.frontMatter.span && mapSpan(p.frontMatter.span) };
  p.tables = p.tables.map((t) => ({ ...t, start: map(t.start), end: map(t.end), header: mapSpan(t.header), delimiter: mapSpan(t.delimiter) }));
  return dirty;
}
