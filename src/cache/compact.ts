// The compact JSON form of a Plan kept in the cache: tasks as arrays, sections
// interned, and every task's offsets relative — its anchor (row or item start)
// to the previous task's anchor, its cells and spans to its anchor. So an edit
// inside one row changes that row's entry and the next task's anchor, nothing
// else: plan's own writes update the cache in place (updateCompact) instead of
// re-encoding 10,000 tasks. A task's source is only unpacked when read.

import type { Span } from '../parse/blocks.js';
import { sourceStart, type Plan, type Task, type TaskSource } from '../model/types.js';
import { STATUSES, type Status } from '../model/status.js';
import { indexTasks, scopeKey, type TaskIndex } from './task-index.js';

/** Values that repeat from task to task (statuses as written, owners, scopes, sections) are indices into `strings` (-1: null). */
type Row = [
  id: string,
  kind: 0 | 1 | 2,
  title: string,
  status: number,
  statusText: number,
  owner: number,
  notes: string | null,
  priority: number,
  sprint: number,
  week: number,
  month: number,
  phase: number,
  milestone: number,
  section: number,
  line: number,
  fields: Record<string, string> | 0,
  idFromFile: 0 | 1,
  /** Row: [0, table, anchor delta, row length, ...cell start/end relative to the anchor]; item: [1, anchor delta, …]; heading: [2, anchor delta, …]. */
  source: number[],
  group: number,
  /** The task's dependency references; 0 when it has none. */
  dependsOn?: string[] | 0,
  /** The typed fields (src/read/fields.ts) the task has; 0 when it has none. */
  typed?: Typed | 0,
  /** The task's other places (Task.mentions), their anchors relative to the task's; absent when it has none. */
  mentions?: Row[],
];

/** The typed fields of a task, those it has (and where a status no text writes came from, and its group's name). */
type Typed = Partial<
  Pick<Task, 'priorityLevel' | 'due' | 'scheduled' | 'start' | 'doneDate' | 'tags' | 'estimate' | 'recurrence' | 'statusFrom' | 'groupName'>
>;

const TYPED_KEYS = ['priorityLevel', 'due', 'scheduled', 'start', 'doneDate', 'tags', 'estimate', 'recurrence', 'statusFrom', 'groupName'] as const;

function typedOf(t: Task): Typed | 0 {
  const out: Typed = {};
  let any = false;
  for (const k of TYPED_KEYS) {
    if (t[k] === undefined) continue;
    (out as Record<string, unknown>)[k] = t[k];
    any = true;
  }
  return any ? out : 0;
}

const KINDS = ['task', 'week', 'parent'] as const;

/** Tasks per chunk: the cache reads, and rewrites, whole chunks. */
export const CHUNK = 256;

/** `ids` and `scopes` (see task-index.ts) find tasks without reading the chunks. */
export interface CompactPlan extends TaskIndex {
  plan: Omit<Plan, 'tasks'>;
  strings: string[];
  /** Per chunk, the absolute anchor of the task before its first (0 for the first chunk). */
  bases: number[];
  /** The tasks, CHUNK at a time; null for a chunk not read yet. */
  chunks: (Row[] | null)[];
}

/** Interns repeated strings into a table; null is -1. */
function interner(strings: string[]): (s: string | null) => number {
  const index = new Map<string, number>();
  for (const [i, s] of strings.entries()) index.set(s, i);
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
  const chunks: Row[][] = [];
  const bases: number[] = [];
  let prev = 0;
  plan.tasks.forEach((t, i) => {
    if (i % CHUNK === 0) {
      chunks.push([]);
      bases.push(prev);
    }
    const anchor = sourceStart(t.source);
    chunks[chunks.length - 1]!.push(compactRow(t, intern, anchor - prev));
    prev = anchor;
  });
  const { tasks: _omit, ...rest } = plan;
  void _omit;
  return { plan: rest, strings, ids: plan.tasks.map((t) => t.id), scopes: plan.tasks.map(scopeKey), bases, chunks };
}

function compactRow(t: Task, intern: (s: string | null) => number, delta: number): Row {
  const row = taskRow(t, intern, delta);
  if (t.mentions?.length) {
    const anchor = sourceStart(t.source);
    row.push(t.mentions.map((m) => taskRow(m, intern, sourceStart(m.source) - anchor)));
  }
  return row;
}

function taskRow(t: Task, intern: (s: string | null) => number, delta: number): Row {
  return [
    t.id,
    KINDS.indexOf(t.kind) as 0 | 1 | 2,
    t.title,
    STATUSES.indexOf(t.status),
    intern(t.statusText),
    intern(t.owner),
    t.notes,
    intern(t.priority),
    intern(t.sprint),
    intern(t.week),
    intern(t.month),
    intern(t.phase),
    intern(t.milestone),
    intern(t.section),
    t.line,
    Object.keys(t.fields).length ? t.fields : 0,
    t.idFromFile ? 1 : 0,
    packSource(t.source, delta),
    intern(t.group),
    t.dependsOn.length ? t.dependsOn : 0,
    typedOf(t),
  ];
}

function packSource(s: TaskSource, delta: number): number[] {
  if (s.type === 'row') {
    const a = s.row.start;
    const out = [0, s.table, delta, s.row.end - a];
    for (const c of s.cells) out.push(c.start - a, c.end - a);
    // A card of a board's lanes is read through its own lane's column (read/tables.ts cardInfo), not its table's
    // (`{}`): a row of a title column alone keeps it, one number after the cells' pairs.
    const keys = Object.keys(s.columns);
    if (keys.length === 1 && s.columns.title !== undefined) out.push(s.columns.title);
    return out;
  }
  if (s.type === 'heading') {
    const a = s.heading.start;
    const st = s.status ? [1, s.status.start - a, s.status.end - a] : [0, 0, 0];
    return [2, delta, s.heading.end - a, s.text.start - a, s.text.end - a, ...st];
  }
  if (s.type === 'entry') {
    const a = s.entry.start;
    const rel = (x: Span | null) => (x ? [x.start - a, x.end - a] : [-1, -1]);
    // The owner's place: absent (no owner key), -2 (a key whose value is not plain), or its span.
    const owner = s.owner === undefined ? [] : s.owner === null ? [-2, -2] : rel(s.owner);
    return [3, delta, s.entry.end - a, ...rel(s.text), ...rel(s.status), ...owner];
  }
  const a = s.item.start;
  const rel = (x: Span | null | undefined) => (x ? [x.start - a, x.end - a] : [-1, -1]);
  return [
    1,
    delta,
    s.item.end - a,
    ...rel(s.checkbox),
    s.checked === null ? 2 : s.checked ? 1 : 0,
    s.text.start - a,
    s.text.end - a,
    ...rel(s.statusMark),
    ...rel(s.statusTail),
    ...(s.tailSays ? [1] : []),
  ];
}

function unpackSource(p: number[], anchor: number, plan: Omit<Plan, 'tasks'>): TaskSource {
  if (p[0] === 0) {
    const table = p[1]!;
    const cells: Span[] = [];
    const lane = p.length % 2 === 1 ? p.at(-1)! : undefined;
    for (let i = 4; i + 1 < p.length; i += 2) cells.push({ start: anchor + p[i]!, end: anchor + p[i + 1]! });
    const columns = lane === undefined ? plan.tables[table]!.columns : { title: lane };
    return { type: 'row', table, row: { start: anchor, end: anchor + p[3]! }, cells, columns };
  }
  if (p[0] === 2) {
    return {
      type: 'heading',
      heading: { start: anchor, end: anchor + p[2]! },
      text: { start: anchor + p[3]!, end: anchor + p[4]! },
      status: p[5] === 1 ? { start: anchor + p[6]!, end: anchor + p[7]! } : null,
    };
  }
  const span = (i: number) => (p[i]! < 0 ? null : { start: anchor + p[i]!, end: anchor + p[i + 1]! });
  if (p[0] === 3) {
    const owner = p.length > 7 ? { owner: span(7) } : {};
    return { type: 'entry', entry: { start: anchor, end: anchor + p[2]! }, text: span(3), status: span(5), ...owner };
  }
  return {
    type: 'item',
    item: { start: anchor, end: anchor + p[2]! },
    checkbox: span(3),
    checked: p[5] === 2 ? null : p[5] === 1,
    text: { start: anchor + p[6]!, end: anchor + p[7]! },
    statusMark: span(8),
    statusTail: p.length > 10 ? span(10) : null,
    ...(p[12] === 1 ? { tailSays: true as const } : {}),
  };
}

/** The tasks of chunk `k` (which must be read). */
function expandChunk(c: CompactPlan, k: number): Task[] {
  let anchor = c.bases[k]!;
  return c.chunks[k]!.map((r): Task => {
    anchor += anchorDelta(r);
    return rowTask(r, anchor, c);
  });
}

/** A row's anchor relative to the one before it (to its task's, for a mention). */
function anchorDelta(r: Row): number {
  return r[17][r[17][0] === 0 ? 2 : 1]!;
}

/** The task of row `r`, whose anchor is `at`. */
function rowTask(r: Row, at: number, c: CompactPlan): Task {
  const str = c.strings;
  const packed = r[17];
  let source: TaskSource | undefined;
  const task: Task = {
    id: r[0],
    kind: KINDS[r[1]] ?? 'task',
    title: r[2],
    status: STATUSES[r[3]] as Status,
    statusText: str[r[4]] ?? '',
    owner: str[r[5]] ?? null,
    notes: r[6],
    priority: str[r[7]] ?? null,
    sprint: str[r[8]] ?? null,
    week: str[r[9]] ?? null,
    month: str[r[10]] ?? null,
    phase: str[r[11]] ?? null,
    milestone: str[r[12]] ?? null,
    section: str[r[13]] ?? null,
    group: str[r[18]] ?? null,
    line: r[14],
    fields: r[15] || {},
    idFromFile: r[16] === 1,
    dependsOn: r[19] || [],
    ...(r[20] || {}),
    // Unpacked on first use: most commands read a few tasks' sources, not 10,000.
    get source(): TaskSource {
      return (source ??= unpackSource(packed, at, c.plan));
    },
    set source(s: TaskSource) {
      source = s;
    },
  };
  const mentions = r[21];
  if (mentions) task.mentions = mentions.map((m) => rowTask(m, at + anchorDelta(m), c));
  return task;
}

/** The whole model (every chunk must be read). */
export function expand(c: CompactPlan): Plan {
  const tasks = c.chunks.flatMap((_, k) => expandChunk(c, k));
  return { ...c.plan, tasks } as Plan;
}

/** A chunk of a lazily read model that does not read (a damaged cache file): the caller reads the plan again without the cache. */
export class DamagedChunk extends Error {
  constructor(k: number) {
    super(`chunk ${k} of the cached model is damaged`);
  }
}

/**
 * The model with its tasks read chunk by chunk on first access: a writer that
 * changes one task of 10,000 reads the chunks around it, not the whole cache.
 * `read(k)` fills c.chunks[k].
 */
export function expandLazily(c: CompactPlan, read: (k: number) => void): Plan {
  const backing: Task[] = new Array(c.ids.length);
  const done = new Set<number>();
  const ensure = (k: number) => {
    if (done.has(k)) return;
    done.add(k);
    try {
      if (!c.chunks[k]) read(k);
      for (const [j, t] of expandChunk(c, k).entries()) backing[k * CHUNK + j] = t;
    } catch {
      throw new DamagedChunk(k);
    }
  };
  const index = (prop: string | symbol): number => (typeof prop === 'string' && prop.length < 10 && /^\d+$/.test(prop) ? Number(prop) : -1);
  // Array methods ask `has` before `get` for every index: both read the chunk.
  const tasks = new Proxy(backing, {
    get(target, prop, receiver) {
      const i = index(prop);
      if (i >= 0 && i < target.length) ensure(Math.floor(i / CHUNK));
      return Reflect.get(target, prop, receiver);
    },
    has(target, prop) {
      const i = index(prop);
      if (i >= 0 && i < target.length) ensure(Math.floor(i / CHUNK));
      return Reflect.has(target, prop);
    },
  });
  indexTasks(tasks, c);
  return { ...c.plan, tasks } as Plan;
}

/**
 * Updates `c` in place after edits that keep the line structure and change only
 * the cells of `changed` tasks (by index, as they read after the edit, with
 * their new sources) and the date stamps. Every task's anchor moves by the
 * edits before it, so only the changed rows, the rows right after them and the
 * chunk bases change. `read(k)` fills c.chunks[k] when an unread chunk is needed.
 * Returns the chunks it changed.
 */
export function updateCompact(
  c: CompactPlan,
  edits: { start: number; end: number; text: string }[],
  changed: Map<number, Task>,
  modified: string | null,
  read: (k: number) => void = () => undefined,
): Set<number> {
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
  const rows = (k: number): Row[] => {
    if (!c.chunks[k]) read(k);
    return c.chunks[k]!;
  };
  const deltaIndex = (row: Row) => (row[17][0] === 0 ? 2 : 1);
  /** Old absolute anchor of task i (-1: the start of the file). */
  const anchorOld = (i: number): number => {
    if (i < 0) return 0;
    const k = Math.floor(i / CHUNK);
    let a = c.bases[k]!;
    const r = rows(k);
    for (let j = 0; j <= i - k * CHUNK; j++) a += anchorDelta(r[j]!);
    return a;
  };
  // Tasks whose delta may change: the changed ones, the ones after them, and the first.
  const affected = new Set<number>([0]);
  for (const i of changed.keys()) {
    affected.add(i);
    affected.add(i + 1);
  }
  const n = c.ids.length;
  const updates: [number, Row][] = [];
  for (const i of [...affected].filter((x) => x < n).sort((a, b) => a - b)) {
    const prev = anchorOld(i - 1);
    const own = anchorOld(i);
    const newPrev = i === 0 ? 0 : prev + shiftAt(prev);
    const updated = changed.get(i);
    const k = Math.floor(i / CHUNK);
    const row = rows(k)[i - k * CHUNK]!;
    if (updated) {
      updates.push([i, compactRow(updated, intern, sourceStart(updated.source) - newPrev)]);
    } else {
      const d = own + shiftAt(own) - newPrev;
      if (d !== row[17][deltaIndex(row)]) {
        const packed = [...row[17]];
        packed[deltaIndex(row)] = d;
        const copy = [...row] as Row;
        copy[17] = packed;
        updates.push([i, copy]);
      }
    }
  }
  // Bases are absolute anchors: they move by the edits before them.
  const newBases = c.bases.map((b, k) => (k === 0 ? 0 : b + shiftAt(b)));
  for (const [i, row] of updates) {
    const k = Math.floor(i / CHUNK);
    rows(k)[i - k * CHUNK] = row;
    dirty.add(k);
  }
  c.bases = newBases;
  const p = c.plan;
  const map = (x: number) => x + shiftAt(x);
  const mapSpan = (s: Span): Span => ({ start: map(s.start), end: map(s.end) });
  p.bodyStart = map(p.bodyStart);
  p.frontMatter = { ...p.frontMatter, modified, span: p.frontMatter.span && mapSpan(p.frontMatter.span) };
  p.tables = p.tables.map((t) => ({ ...t, start: map(t.start), end: map(t.end), header: mapSpan(t.header), delimiter: mapSpan(t.delimiter) }));
  return dirty;
}
