// Before any edit: do the bytes at a task's place still say that task? The
// model (fresh, cached, or updated in place after an earlier write) says where
// each task is and what it holds; this reads the task again from the bytes at
// those offsets and compares: its line, id or title, status and status text,
// owner, and its table's header. The expected values come from the model, the
// found ones from the text, so a model that points one row off, a reordered
// table, or a cache entry that lies in any of these fields is caught before a
// byte is written.

import { PlanError } from '../system/errors.js';
import { splitRow } from '../parse/cells.js';
import type { Span } from '../parse/blocks.js';
import { displayText } from '../read/build.js';
import { cardInfo, groupLabel, groupRowScope, rowFields } from '../read/tables.js';
import { emptyScope } from '../read/scope.js';
import { boxStatus } from '../read/outline.js';
import { boxLength, boxReadStart, LINE_BOX, readItem, type ItemReading } from '../read/items.js';
import { inlineDependencies } from '../read/depends.js';
import { wordNumberSplit } from '../read/passes/word-numbers.js';
import { stripFieldMarks } from '../read/fields.js';
import { entryStatus } from '../read/front-matter-tasks.js';
import { showEscapes } from '../text/decode.js';
import { lineStartAt } from '../text/lines.js';
import { SCOPE_KINDS, type ColumnRole, type Heading, type Plan, type Scope, type Task } from '../model/types.js';
import type { EditContext } from './task-edits.js';
import { applyEdits, type Edit } from './splice.js';
import type { Status } from '../model/status.js';

type Columns = Partial<Record<ColumnRole, number>>;

/** The model does not match the file's bytes: a cached model is dropped and the file read again. */
class StaleModelError extends PlanError {
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
    throw new StaleModelError(`${ec.file}:${t.line}: the file does not hold task ${t.id} where plan's model puts it (${wrong}); nothing was written`);
  }
}

function identityProblem(ec: EditContext, t: Task): string | null {
  const src = t.source;
  const { text } = ec;
  const anchor = src.type === 'row' ? src.row : src.type === 'item' ? src.item : src.type === 'heading' ? src.heading : src.entry;
  if (anchor.start < 0 || anchor.end > text.length || anchor.start > anchor.end) return 'its offsets are outside the file';
  if (ec.lineOf(anchor.start) !== t.line) return `it is on line ${ec.lineOf(anchor.start)}, not ${t.line}`;
  const own =
    src.type === 'row'
      ? rowProblem(ec, t, src)
      : src.type === 'item'
        ? itemProblem(ec, t, src)
        : src.type === 'heading'
          ? headingProblem(ec, t, src)
          : entryProblem(ec, t, src);
  // A cached model also says which sprint, week and section a task is in
  // (filters pick tasks by them): the headings above it must say so too.
  return own ?? (ec.cached ? scopeProblem(ec, t) : null);
}

/**
 * The headings above `t`, as the model has them, stand in the text and give
 * `t` its section and scope (with, for a table row, the group rows above it in
 * its table: `| **Sprint 2** | | |`). Filters pick tasks by these.
 */
function scopeProblem(ec: EditContext, t: Task): string | null {
  const path: Heading[] = [];
  for (const h of ec.plan.headings) {
    if (h.line >= t.line) break;
    while (path.length && path[path.length - 1]!.depth >= h.depth) path.pop();
    path.push(h);
  }
  for (const h of path) if (!headingStands(ec, h)) return `the heading on line ${h.line} is not "${h.text}"`;
  const named = path.filter((h) => h.text !== '');
  const section = named.length ? named.map((h) => h.text).join(' > ') : null;
  if (t.section !== section) return 'its section differs from the headings above it';
  if (t.source.type === 'heading') return null;
  const scope: Scope = { ...(path.length ? path[path.length - 1]!.scope : emptyScope()) };
  if (t.source.type === 'row') Object.assign(scope, groupRowsAbove(ec, t.source.table, t.source.row.start));
  // A week row names its own week (sprint, month): that one comes from its first cell.
  const own = t.kind === 'week' ? (['week', 'sprint', 'month'] as const) : [];
  for (const k of SCOPE_KINDS) if (!(own as readonly string[]).includes(k) && (scope[k] ?? null) !== t[k]) return `its ${k} differs from the headings above it`;
  return null;
}

/** The scope the group rows of table `table` above offset `before` give (the last one wins, as the builder reads them). */
function groupRowsAbove(ec: EditContext, table: number, before: number): Partial<Scope> {
  const info = ec.plan.tables[table];
  if (!info) return {};
  let scope: Partial<Scope> = {};
  let at = ec.text.indexOf('\n', info.delimiter.end) + 1;
  while (at > 0 && at < before) {
    const nl = ec.text.indexOf('\n', at);
    const end = nl === -1 ? ec.text.length : nl;
    const row = splitRow(ec.text, at, end);
    const raw = row.cells.map((c) => ec.text.slice(c.start, c.end));
    const cells = raw.map((r) => displayText(r, ec.repair));
    const group = groupLabel(cells, raw, info);
    if (group !== null) scope = groupRowScope(group);
    at = nl === -1 ? -1 : nl + 1;
  }
  return scope;
}

/** Whether line `h.line` is an ATX heading (or the text of a setext one) that reads `h.text`. */
function headingStands(ec: EditContext, h: Heading): boolean {
  const lineAt = (n: number) => {
    const start = ec.lineStart(n);
    const nl = ec.text.indexOf('\n', start);
    return ec.text
      .slice(start, nl === -1 ? ec.text.length : nl)
      .replace(/\r$/, '')
      .replace(/^(?:[ \t]*>)+/, '');
  };
  const line = lineAt(h.line);
  // The title never ends in a blank (a shorter one ends before it), so the closing blanks are read once.
  const atx = /^ {0,3}#{1,6}(?:[ \t]+(?![ \t])(.*?)(?<![ \t]))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
  const setext = /^ {0,3}(?:=+|-+)[ \t]*$/.test(lineAt(h.line + 1));
  const text = atx ? (atx[1] ?? '') : setext ? line.trim() : null;
  return text !== null && displayText(text, ec.repair) === h.text;
}

function rowProblem(ec: EditContext, t: Task, src: Extract<Task['source'], { type: 'row' }>): string | null {
  const { text } = ec;
  // The row spans its whole line: indentation (or a quote's `>`) before, nothing but padding after.
  const lineStart = lineStartAt(text, src.row.start);
  if (!/^\uFEFF?[ \t>]*$/.test(text.slice(lineStart, src.row.start))) return 'its row does not start its line';
  if (!/^[ \t]*\r?(?:\n|$)/.test(text.slice(src.row.end, src.row.end + 80))) return 'its row does not end its line';
  const again = splitRow(text, src.row.start, src.row.end);
  if (!sameSpans(again.cells, src.cells)) return 'its cells moved';
  const table = ec.plan.tables[src.table];
  if (!table) return 'its table is unknown';
  // A card of a board's lanes is read through its own lane's column.
  const info = table.lanes?.some((l) => l.column === src.columns.title) ? cardInfo(table, src.columns.title!) : table;
  const header = headerProblem(ec, src.table);
  if (header) return header;
  if (!sameColumns(src.columns, info.columns)) return 'its columns differ from its table';
  if ((info.kind === 'week') !== (t.kind === 'week')) return 'its kind differs from its table';
  const display = (s: Span) => displayText(text.slice(s.start, s.end), ec.repair);
  const found = rowFields(src.cells, info, display, ec.vocab, (s) => text.slice(s.start, s.end));
  if (t.kind === 'task' && t.idFromFile) {
    const idCell = info.columns.id !== undefined ? src.cells[info.columns.id] : undefined;
    const written = found.numberedId ?? (idCell ? display(idCell).trim() : null);
    if (written !== t.id && ownId(found.title) !== t.id) return `its id cell does not say ${t.id}`;
  }
  found.title = withoutDependencies(found.title);
  // A row under a group row (`| **Sprint 2** |`) has no status of its own only where the table has no status column.
  // With no owner column, the owner comes from the heading above (`### Ana (PM)`): only an owner the row writes is checked.
  const owner = found.owner ?? (info.columns.owner === undefined ? t.owner : null);
  return fieldsProblem(t, { ...found, owner });
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
  // A status column the header did not name (read/build.ts withStatusCell) is the model's `''` past the file's header.
  const named = info.headers.length === headers.length + 1 && info.headers[headers.length] === '' ? info.headers.slice(0, -1) : info.headers;
  if (headers.length !== named.length || headers.some((h, i) => h !== named[i])) return 'its table header differs';
  done.add(table);
  return null;
}

function itemProblem(ec: EditContext, t: Task, src: Extract<Task['source'], { type: 'item' }>): string | null {
  const { text } = ec;
  const lineStart = lineStartAt(text, src.item.start);
  if (
    !/^\uFEFF?[ \t>]*$/.test(text.slice(lineStart, src.item.start)) ||
    (!/^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|\r?\n)/.test(text.slice(src.item.start, src.item.start + 12)) &&
      // A paragraph line opening with a box (`**[ ] 2. Add the form**`) is an item without a marker.
      !LINE_BOX.test(text.slice(src.item.start, src.item.start + 12)))
  ) {
    return 'its list marker moved';
  }
  if (src.text.start < src.item.start || src.text.end > text.length || src.text.start > src.text.end) return 'its text is outside the file';
  if (src.checkbox && boxLength(text.slice(src.checkbox.start, src.checkbox.end)) !== src.checkbox.end - src.checkbox.start) return 'its checkbox moved';
  // Read again from the box (GFM's or a variant like `[-]`) or the text: the same reading the model made.
  const span = { start: src.checkbox ? boxReadStart(text, src.checkbox) : src.text.start, end: src.text.end };
  const found = readItem(text, span, { checked: null, span: null }, ec.vocab, ec.repair);
  if (found.placeholder) return 'it would read as a placeholder, not a task';
  if (!sameSpan(found.statusMark, src.statusMark)) return 'its status mark moved';
  if (!sameSpan(found.statusTail, src.statusTail ?? null)) return 'its status moved';
  // An ordered item's number is its id where the numbers run on across the file (`7. …`), and so is
  // a number before its title (`[ ] 7. …`), a tag of its own (`[M0] …`) or the issue it ends by citing (`(#24)`).
  const number = /^(\d{1,9})[.)]/.exec(text.slice(src.item.start, src.item.start + 11))?.[1];
  const written = [number, found.ordinal, found.tag, ownId(found.title), found.issue];
  // `Card 3: …` is an id where such items rise across the file (the reader's pass decides): read the same way here.
  // A day (`Day 3: …`) gives the title and no id.
  const card = found.id === null ? wordNumberSplit(found.title, found.notes) : null;
  if (card && t.idFromFile && `${card.word} ${card.n}` === t.id) Object.assign(found, { title: card.title, notes: card.notes, id: t.id });
  else if (card && !t.idFromFile && card.title === t.title) Object.assign(found, { title: card.title, notes: card.notes });
  if (t.idFromFile && found.id !== t.id && !(found.id === null && written.includes(t.id))) {
    return `its text does not start with ${t.id}`;
  }
  // `(ANA) Build the form`: where the reader took the name for the owner (names taking turns down the list), so here.
  if (found.lead && found.lead.name === t.owner && found.lead.title === t.title) Object.assign(found, { title: t.title, owner: t.owner });
  // Without a status of its own an item takes its heading's (`## Done`): only a status it writes is checked here.
  const status = found.status === 'none' ? t.status : found.status;
  const shown = {
    title: withoutDependencies(showEscapes(found.title)),
    notes: found.notes ? showEscapes(found.notes) : null,
    statusText: showEscapes(found.statusText),
  };
  // An owner field nested under the item (`  - **Owner:** Ana`) is not in its own text: only an owner the text writes is checked.
  return fieldsProblem(t, { ...shown, owner: found.owner ?? t.owner, status });
}

/** A heading task: its line is a heading that reads as the model has it, and its status is still written where the model says. */
function headingProblem(ec: EditContext, t: Task, src: Extract<Task['source'], { type: 'heading' }>): string | null {
  const h = ec.plan.headings.find((x) => x.line === t.line);
  if (!h || !headingStands(ec, h)) return 'its heading changed';
  if (src.status) {
    if (src.status.end > ec.text.length) return 'its status is outside the file';
    const shown = displayText(ec.text.slice(src.status.start, src.status.end), ec.repair);
    const read = boxStatus(shown, ec.vocab) ?? ec.vocab.read(shown).status;
    if (read !== 'none' && read !== t.status) return `its status is not ${t.status}`;
  }
  return null;
}

/** An entry of the front matter's to-do list: its line still opens an entry, and its status value still reads as the model has it. */
function entryProblem(ec: EditContext, t: Task, src: Extract<Task['source'], { type: 'entry' }>): string | null {
  if (!/^[ \t]*- /.test(ec.text.slice(src.entry.start, src.entry.end))) return 'its entry changed';
  if (src.status && entryStatus(ec.text.slice(src.status.start, src.status.end), ec.vocab) !== t.status) return `its status is not ${t.status}`;
  return null;
}

/** The title as the model keeps it: dependency marks (`(after 1.2)`, `⛔ abc`, `🆔 abc`) are read out of it. */
/** The title as the model reads it: without dependency marks and field marks (`(B)`, `due:…`, `📅 …`), as the builder strips them. */
function withoutDependencies(title: string): string {
  return inlineDependencies(stripFieldMarks(title)).title || title;
}

/** Obsidian's `🆔 abc` in a title: the task's own id. */
function ownId(title: string): string | null {
  return inlineDependencies(title).ownId;
}

function fieldsProblem(
  t: Task,
  found: Pick<Task, 'title' | 'status' | 'statusText' | 'owner' | 'notes'> & Partial<Pick<Task, 'priority' | 'fields'>>,
): string | null {
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

/** An item's own line read again after `edits` (null for a row or heading task). Only that line is read: no second parse of the file. */
export function itemAfter(ec: EditContext, t: Task, edits: Edit[]): ItemReading | null {
  const src = t.source;
  if (src.type !== 'item') return null;
  const lo = src.item.start;
  const local = edits.map((e) => ({ ...e, start: e.start - lo, end: e.end - lo }));
  const text = applyEdits(ec.text.slice(lo, src.text.end), local, ec.file);
  const start = src.checkbox ? boxReadStart(text, { start: src.checkbox.start - lo, end: src.checkbox.end - lo }) : src.text.start - lo;
  return readItem(text, { start, end: text.length }, { checked: null, span: null }, ec.vocab, ec.repair);
}

/**
 * After a status write: why the item's line would not read as task `t` with
 * status `to` (a boxless `- Fixed` under `## Todo` set done as `- ✅ Fixed`
 * reads as a legend entry, and the task would vanish), or null. An item left
 * with no status of its own takes its heading's (`## Todo`), which only the
 * whole file tells: readBackProblem, on a fresh read, decides those.
 */
export function itemAfterProblem(found: ItemReading, t: Task, to: Status): string | null {
  if (found.legend) return 'it would read as an entry of a status legend';
  if (found.placeholder) return 'it would read as a placeholder, not a task';
  if (found.status === 'none') return null;
  if (found.status !== to) return `it would read as ${found.status}`;
  const card = found.id === null ? wordNumberSplit(found.title, found.notes) : null;
  const ownTitle = found.lead && found.lead.name === t.owner ? found.lead.title : found.title;
  const title = card && (t.idFromFile ? `${card.word} ${card.n}` === t.id : card.title === t.title) ? card.title : ownTitle;
  if (withoutDependencies(showEscapes(title)) !== t.title) return `its title would read as "${title}"`;
  return null;
}

/**
 * The lines of the heading tasks above `line` whose status their checklist gives (Task.statusFrom): a write
 * at `line` (a box ticked, an item added) may change that status, as ticking the last box finishes the task.
 */
export function checklistHeadsAbove(plan: Pick<Plan, 'headings' | 'tasks'>, line: number): Set<number> {
  const path: Heading[] = [];
  for (const h of plan.headings) {
    if (h.line >= line) break;
    while (path.length && path[path.length - 1]!.depth >= h.depth) path.pop();
    path.push(h);
  }
  const lines = new Set(path.map((h) => h.line));
  return new Set(plan.tasks.filter((t) => t.statusFrom === 'checklist' && lines.has(t.line)).map((t) => t.line));
}

/** `now` is `was` but for the status its checklist gives, `was` being one of `heads` (checklistHeadsAbove). */
export function onlyChecklistMoved(was: Task, now: Task, heads: ReadonlySet<number>, same: (a: Task, b: Task) => boolean): boolean {
  return heads.has(was.line) && was.statusFrom === 'checklist' && now.statusFrom === 'checklist' && same({ ...now, status: was.status }, was);
}

/** After a write, read afresh: task `t` (set to `to`) is still a task on its line, with its title and that status. */
export function readBackProblem(after: Plan, t: Task, to: Status): string | null {
  const same = (u: Task) => u.line === t.line && u.title === t.title;
  // A place of a task written in several (Task.mentions) reads as one of the task's places.
  // Two cards of one text on a board's row (`| Tests | Tests | |`) share line and title: the one that reads as `to`.
  const found = after.tasks.filter(same);
  const now = found.find((u) => u.status === to) ?? found[0] ?? (after.mentions ? after.tasks.flatMap((u) => u.mentions ?? []).find(same) : undefined);
  if (!now) return 'it would no longer read as a task';
  // A cell at a row's edge with no pipe outside it is no cell once blank (`| Spec | | ` after `| Spec | | Ship`).
  if (t.source.type === 'row' && now.source.type === 'row' && now.source.cells.length < t.source.cells.length) return 'its row would lose a cell';
  return now.status === to ? null : `it would read as ${now.status}`;
}

/**
 * After a move, read afresh: the moved task, and the `carried` tasks nested in
 * its item that moved with it, read in their new place with their titles (the
 * moved one with status `to`, the others with their own), and every other task
 * reads as before, in the same order (same id, title and status). A reference
 * (`@3fa9c`) follows the section, so only the moved tasks may get new ones.
 * The moved task as it now reads, or why not.
 */
export function movedTaskAfter(before: Plan, after: Plan, t: Task, to: Status, carried = 0): { task: Task } | { problem: string } {
  const at = before.tasks.findIndex((u) => u === t || (u.line === t.line && u.id === t.id));
  if (at < 0) return { problem: `task ${t.id} is not in the plan read` };
  const group = before.tasks.slice(at, at + 1 + carried);
  const others = [...before.tasks.slice(0, at), ...before.tasks.slice(at + 1 + carried)];
  const now = after.tasks;
  if (now.length !== before.tasks.length) return { problem: `the file would hold ${now.length} tasks, not ${before.tasks.length}` };
  const same = (a: Task, b: Task) => a.id === b.id && a.title === b.title && a.status === b.status;
  const movedAs = (u: Task, i: number) =>
    u.title === group[i]!.title && u.status === (i === 0 ? to : group[i]!.status) && (!u.idFromFile || u.id === group[i]!.id);
  const size = group.length;
  let p = 0;
  while (p < others.length && same(now[p]!, others[p]!)) p++;
  let s = 0;
  while (s < others.length && same(now[now.length - 1 - s]!, others[others.length - 1 - s]!)) s++;
  for (let k = Math.max(0, now.length - size - s); k <= p; k++) {
    if (group.every((_, i) => movedAs(now[k + i]!, i))) return { task: now[k]! };
  }
  const k = now.findIndex((u) => movedAs(u, 0));
  if (k < 0) return { problem: `task ${t.id} would not read as ${to}` };
  const rest = [...now.slice(0, k), ...now.slice(k + size)];
  const i = rest.findIndex((u, j) => !same(u, others[j]!));
  if (i < 0) return { problem: 'the tasks nested in it would read otherwise' };
  const was = others[i]!;
  const is = rest[i]!;
  return { problem: `task ${was.id} (line ${was.line}) would read as ${is.id} ${JSON.stringify(is.title)}, ${is.status}` };
}
