// Before any edit: do the bytes at a task's place still say that task? The
// model (fresh, cached, or updated in place after an earlier write) says where
// each task is and what it holds; this reads the task again from the bytes at
// those offsets and compares: its line, id or title, status and status text,
// owner, and its table's header. The expected values come from the model, the
// found ones from the text, so a model that points one row off, a reordered
// table, or a cache entry that lies in any of these fields is caught before a
// byte is written.

import { PlanError } from '../errors.js';
import { splitRow } from '../parse/cells.js';
import type { Span } from '../parse/blocks.js';
import { displayText, rowFields } from '../model/build.js';
import { planColumns } from '../model/columns.js';
import { itemFields } from '../model/items.js';
import { SCOPE_KINDS, type ColumnRole, type Heading, type ScopeKind, type Task } from '../model/types.js';
import { scopesInHeading } from '../model/scope.js';

type Columns = Partial<Record<ColumnRole, number>>;
import type { EditContext } from './task-edits.js';

/** The model does not match the file's bytes: a cached model is dropped and the file read again. */
export class StaleModelError extends PlanError {
  constructor(message: string) {
    super(message);
    this.name = 'StaleModelError';
  }
}

export function isStaleModelError(e: unknown): boolean {
  return (e as { name?: unknown } | null)?.name === 'StaleModelError';
}

const checkedTables = new WeakMap<EditContext, Set<number>>();

/** Throws StaleModelError unless the bytes at `t`'s place are `t`. */
export function verifyTask(ec: EditContext, t: Task): void {
  const wrong = identityProblem(ec, t);
  if (wrong) {
    throw new StaleModelError(
      `${ec.file}:${t.line}: the file does not hold task ${t.id} where plan's model puts it (${wrong}); nothing was written`,
    );
  }
}

function identityProblem(ec: EditContext, t: Task): string | null {
  const src = t.source;
  const { text } = ec;
  const anchor = src.type === 'row' ? src.row : src.item;
  if (anchor.start < 0 || anchor.end > text.length || anchor.start > anchor.end) return 'its offsets are outside the file';
  if (ec.lineOf(anchor.start) !== t.line) return `it is on line ${ec.lineOf(anchor.start)}, not ${t.line}`;
  if (!t.idFromFile && t.id !== `L${t.line}`) return `its positional id is not L${t.line}`;
  const own = src.type === 'row' ? rowProblem(ec, t, src) : itemProblem(ec, t, src);
  // A cached model also says which sprint, week and section a task is in
  // (filters pick tasks by them): the headings above it must say so too.
  return own ?? (ec.cached ? scopeProblem(ec, t) : null);
}

/** The headings above `t`, as the model has them, stand in the text and give `t` its scope and section. */
function scopeProblem(ec: EditContext, t: Task): string | null {
  const path: Heading[] = [];
  for (const h of ec.plan.headings) {
    if (h.line >= t.line) break;
    while (path.length && path[path.length - 1]!.depth >= h.depth) path.pop();
    path.push(h);
  }
  const scope: Partial<Record<ScopeKind, string>> = {};
  for (const h of path) {
    if (!headingStands(ec, h)) return `the heading on line ${h.line} is not "${h.text}"`;
    Object.assign(scope, scopesInHeading(h.text));
  }
  const section = path.length ? path.map((h) => h.text).join(' > ') : null;
  if (t.section !== section) return 'its section differs from the headings above it';
  // A week row names its own week (sprint, phase, month): that one comes from its first cell.
  const own = t.kind === 'week' && t.source.type === 'row' ? periodKind(ec, t.source.table) : null;
  for (const k of SCOPE_KINDS) if (k !== own && (scope[k] ?? null) !== t[k]) return `its ${k} differs from the headings above it`;
  return null;
}

function periodKind(ec: EditContext, table: number): ScopeKind | null {
  const first = ec.plan.tables[table]?.headers[0];
  const prefix = first === undefined ? null : planColumns([first]).periodPrefix;
  return prefix ? ({ W: 'week', S: 'sprint', P: 'phase', M: 'month' } as const)[prefix] : null;
}

/** Whether line `h.line` is an ATX heading (or the text of a setext one) that reads `h.text`. */
function headingStands(ec: EditContext, h: Heading): boolean {
  const lineAt = (n: number) => {
    const start = ec.lineStart(n);
    const nl = ec.text.indexOf('\n', start);
    return ec.text.slice(start, nl === -1 ? ec.text.length : nl).replace(/\r$/, '').replace(/^(?:[ \t]*>)+/, '');
  };
  const line = lineAt(h.line);
  const atx = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
  const setext = /^ {0,3}(?:=+|-+)[ \t]*$/.test(lineAt(h.line + 1));
  const text = atx ? atx[1] ?? '' : setext ? line.trim() : null;
  return text !== null && displayText(text, ec.repair) === h.text;
}

function rowProblem(ec: EditContext, t: Task, src: Extract<Task['source'], { type: 'row' }>): string | null {
  const { text } = ec;
  // The row spans its whole line: indentation (or a quote's `>`) before, nothing but padding after.
  const lineStart = text.lastIndexOf('\n', src.row.start - 1) + 1;
  if (!/^\uFEFF?[ \t>]*$/.test(text.slice(lineStart, src.row.start))) return 'its row does not start its line';
  if (!/^[ \t]*\r?(?:\n|$)/.test(text.slice(src.row.end, src.row.end + 80))) return 'its row does not end its line';
  const again = splitRow(text, src.row.start, src.row.end);
  if (!sameSpans(again.cells, src.cells)) return 'its cells moved';
  const info = ec.plan.tables[src.table];
  if (!info) return 'its table is unknown';
  const header = headerProblem(ec, src.table);
  if (header) return header;
  if (!sameColumns(src.columns, info.columns)) return 'its columns differ from its table';
  if ((info.kind === 'week') !== (t.kind === 'week')) return 'its kind differs from its table';
  const display = (s: Span) => displayText(text.slice(s.start, s.end), ec.repair);
  const found = rowFields(src.cells, info.headers, info.columns, info.kind === 'week', display, ec.vocab);
  if (t.kind === 'task' && t.idFromFile) {
    const idCell = info.columns.id !== undefined ? src.cells[info.columns.id] : undefined;
    if (!idCell || display(idCell) !== t.id) return `its id cell does not say ${t.id}`;
  }
  return fieldsProblem(t, found);
}

/** The table's header row still names the columns the model has (checked once per table). */
function headerProblem(ec: EditContext, table: number): string | null {
  let done = checkedTables.get(ec);
  if (!done) checkedTables.set(ec, (done = new Set()));
  if (done.has(table)) return null;
  const info = ec.plan.tables[table]!;
  if (info.header.end > ec.text.length) return 'its table header is outside the file';
  const cells = splitRow(ec.text, info.header.start, info.header.end).cells;
  const headers = cells.map((s) => displayText(ec.text.slice(s.start, s.end), ec.repair));
  if (headers.length !== info.headers.length || headers.some((h, i) => h !== info.headers[i])) return 'its table header differs';
  const plan = planColumns(headers);
  if (!sameColumns(plan.columns, info.columns) || plan.kind !== info.kind) return 'its table columns differ';
  done.add(table);
  return null;
}

function itemProblem(ec: EditContext, t: Task, src: Extract<Task['source'], { type: 'item' }>): string | null {
  const { text } = ec;
  const lineStart = text.lastIndexOf('\n', src.item.start - 1) + 1;
  if (!/^\uFEFF?[ \t>]*$/.test(text.slice(lineStart, src.item.start)) || !/^(?:[-*+]|\d{1,9}[.)])[ \t]/.test(text.slice(src.item.start, src.item.start + 11))) {
    return 'its list marker moved';
  }
  if (src.text.start < src.item.start || src.text.end > text.length || src.text.start > src.text.end) return 'its text is outside the file';
  let checked = src.checked;
  if (src.checkbox) {
    const box = text.slice(src.checkbox.start, src.checkbox.end);
    if (!/^\[[ xX-]\]$/.test(box)) return 'its checkbox moved';
    checked = box !== '[ ]' && box !== '[-]';
    if (checked !== src.checked) return 'its checkbox changed';
  }
  const found = itemFields(text, { text: src.text, checkbox: src.checkbox, checked }, ec.vocab, ec.repair);
  if (!found) return 'it is no longer a task';
  if (!sameSpan(found.mark, src.statusMark)) return 'its status mark moved';
  if (t.idFromFile && found.id !== t.id) return `its text does not start with ${t.id}`;
  return fieldsProblem(t, found);
}

function fieldsProblem(t: Task, found: Pick<Task, 'title' | 'status' | 'statusText' | 'owner' | 'notes'> & Partial<Pick<Task, 'priority' | 'fields'>>): string | null {
  if (found.title !== t.title) return `its title is not "${t.title}"`;
  if (found.statusText !== t.statusText) return `its status text is not "${t.statusText}"`;
  if (found.status !== t.status) return `its status is not ${t.status}`;
  if (found.owner !== t.owner) return `its owner is not ${t.owner ?? 'empty'}`;
  if (found.notes !== t.notes) return 'its notes differ';
  if (found.priority !== undefined && found.priority !== t.priority) return 'its priority differs';
  if (found.fields && JSON.stringify(found.fields) !== JSON.stringify(t.fields)) return 'its other cells differ';
  return null;
}

function sameSpan(a: Span | null, b: Span | null): boolean {
  return a === b || (!!a && !!b && a.start === b.start && a.end === b.end);
}

function sameSpans(a: Span[], b: Span[]): boolean {
  return a.length === b.length && a.every((s, i) => sameSpan(s, b[i]!));
}

function sameColumns(a: Columns, b: Columns): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<ColumnRole>;
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
}
