// The next version of a plan from the one before it, without parsing it whole:
// most commits of a plan flip a few statuses or owners in table rows, and the
// write path already knows how to read such edits into a model (cache/update.ts,
// held to a fresh parse by its differential tests). Only edits of that kind
// are taken; anything else (a line added or removed, a title, an item, a
// heading, a status that stops being one) returns null and the version is
// parsed whole. test/history/incremental.test.ts holds the result to a full
// parse over random edits.

import { editEffect, planAfterEdits, rowContaining, shift } from '../cache/update.js';
import { Vocabulary } from '../model/status.js';
import type { Plan, TableInfo, Task } from '../model/types.js';
import { splitRow } from '../parse/cells.js';
import { displayText } from '../read/build.js';
import { type CellChange, planColumns, readsAlike } from '../read/columns.js';
import type { Edit } from '../text/splice-edit.js';

/** Past this many changed lines a whole parse costs about the same, and shifting spans grows with edits × tasks. */
const MAX_EDITS = 64;

/** A version read from the one before: its model, and the tasks that changed (by index; the others are as they were). */
export interface Step {
  plan: Plan;
  changed: number[];
}

/** The tasks of a version that differ from the base's (changesFrom), and the line edits from the base's text to it. */
export interface Changes {
  changed: Map<number, Task>;
  edits: Edit[];
}

/**
 * `newer` read from `plan` (the model of `older`), or null when only a whole parse can tell.
 * `found`: what changesFrom found for these versions, when the caller has it already.
 */
export function nextVersion(
  plan: Plan,
  older: string,
  newer: string,
  repair: (s: string) => string,
  found = changesAndEdits(plan, older, newer, repair),
): Step | null {
  if (!found) return null;
  const after = planAfterEdits(plan, found.edits, older, newer, repair);
  return after ? { plan: after, changed: [...found.changed.keys()] } : null;
}

/**
 * The tasks of `newer` that differ from those of `plan` (the model of `older`),
 * by index, read without building `newer`'s model (every other task is as it
 * was, on the same line); null when only a whole parse can tell. So a run of
 * versions can each be read from one base, however many tasks follow the edits.
 */
export function changesFrom(plan: Plan, older: string, newer: string, repair: (s: string) => string): Map<number, Task> | null {
  return changesAndEdits(plan, older, newer, repair)?.changed ?? null;
}

/** changesFrom's tasks, with the line edits they were read from. */
export function changesAndEdits(plan: Plan, older: string, newer: string, repair: (s: string) => string): Changes | null {
  // `read` settings decide columns by their headers, in ways the check of the columns below does not repeat.
  if (plan.read) return null;
  const edits = lineEdits(older, newer);
  if (!edits || edits.length === 0) return null;
  const hits: Hit[] = [];
  for (const e of edits) {
    const hit = statusOrOwnerCell(plan, older, e);
    if (!hit) return null;
    hits.push(hit);
  }
  if (!tablesReadAlike(plan, hits, older, newer, edits, repair)) return null;
  const effect = editEffect(plan, edits, older, newer, repair);
  if (!effect) return null;
  for (const { task } of hits) {
    const now = effect.changed.get(task);
    if (!now || !sameTask(plan.tasks[task]!, now)) return null;
  }
  return { changed: effect.changed, edits };
}

/** An edit inside one cell of a row task. */
interface Hit {
  task: number;
  cell: number;
  edit: Edit;
}

type Row = Extract<Task['source'], { type: 'row' }>;

/**
 * Whether each table the edits touch reads as it did: columns.ts decides roles
 * from what the cells hold (a status word in an owner column can turn the table).
 * Cell by cell first; else the whole table read again, both versions.
 */
function tablesReadAlike(plan: Plan, hits: Hit[], older: string, newer: string, edits: Edit[], repair: (s: string) => string): boolean {
  const vocab = Vocabulary.of(plan.statusExtension);
  const byTable = new Map<number, Hit[]>();
  for (const h of hits) {
    const k = (plan.tasks[h.task]!.source as Row).table;
    byTable.set(k, [...(byTable.get(k) ?? []), h]);
  }
  for (const [k, group] of byTable) {
    const info = plan.tables[k]!;
    const changes = group.map(({ task, cell }): CellChange => {
      const t = plan.tasks[task]!;
      const src = t.source as Row;
      const was = src.cells[cell]!;
      const start = shift(edits, src.row.start);
      const end = newer.indexOf('\n', start);
      const now = splitRow(newer, start, end === -1 ? newer.length : end).cells[cell];
      const raw = [older.slice(was.start, was.end), now ? newer.slice(now.start, now.end) : ''];
      return {
        col: cell,
        row: t.line - info.line - 2,
        before: { cell: displayText(raw[0]!, repair), raw: raw[0]! },
        after: { cell: displayText(raw[1]!, repair), raw: raw[1]! },
      };
    });
    if (readsAlike(changes, columnsOfTable(plan, k, older, repair), vocab)) continue;
    const now = { start: shift(edits, info.start), end: shift(edits, info.end), delimiter: { end: shift(edits, info.delimiter.end) } };
    if (columnsOf(older, info, vocab, repair) !== columnsOf(newer, { ...info, ...now }, vocab, repair)) return false;
  }
  return true;
}

/**
 * The display text of each column of a table of `plan` (the model of `text`),
 * kept per model: a run of versions read from one base asks for the same columns
 * of the base again and again. Callers copy before changing them.
 */
const columnMemo = new WeakMap<Plan, Map<string, string[]>>();

function columnsOfTable(plan: Plan, table: number, text: string, repair: (s: string) => string): (i: number) => string[] {
  let known = columnMemo.get(plan);
  if (!known) columnMemo.set(plan, (known = new Map()));
  let cells: string[][] | null = null;
  return (i) => {
    const key = `${table}:${i}`;
    let column = known.get(key);
    if (!column) {
      cells ??= tableCells(text, plan.tables[table]!);
      column = cells.map((r) => (r[i] === undefined ? '' : displayText(r[i]!, repair)));
      known.set(key, column);
    }
    return column;
  };
}

/** Still the same task, and a task both times (a status plan knows before and after). */
function sameTask(a: Task, b: Task): boolean {
  return a.id === b.id && a.title === b.title && a.kind === b.kind && a.status !== 'none' && b.status !== 'none';
}

/**
 * One edit per changed line, each the changed middle of its line; null when
 * the line count differs. Never splits a surrogate pair.
 */
export function lineEdits(older: string, newer: string): Edit[] | null {
  const edits: Edit[] = [];
  let a = 0;
  let b = 0;
  for (;;) {
    let ea = older.indexOf('\n', a);
    let eb = newer.indexOf('\n', b);
    if ((ea === -1) !== (eb === -1)) return null;
    if (ea === -1) {
      ea = older.length;
      eb = newer.length;
    }
    if (ea - a !== eb - b || older.slice(a, ea) !== newer.slice(b, eb)) {
      if (edits.length === MAX_EDITS) return null;
      edits.push(middle(older, a, ea, newer, b, eb));
    }
    if (ea === older.length) return edits;
    a = ea + 1;
    b = eb + 1;
  }
}

function middle(older: string, a: number, ea: number, newer: string, b: number, eb: number): Edit {
  let p = 0;
  while (a + p < ea && b + p < eb && older.charCodeAt(a + p) === newer.charCodeAt(b + p)) p++;
  // Not after a high surrogate: the pair stays whole on both sides.
  if (p > 0 && isHigh(older.charCodeAt(a + p - 1))) p--;
  let s = 0;
  while (ea - s > a + p && eb - s > b + p && older.charCodeAt(ea - s - 1) === newer.charCodeAt(eb - s - 1)) s++;
  if (s > 0 && isLow(older.charCodeAt(ea - s))) s--;
  const start = a + p;
  const end = ea - s;
  return { start, end, expect: older.slice(start, end), text: newer.slice(b + p, eb - s) };
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The row task and the status or owner cell the edit lies in (or touches), else null. */
function statusOrOwnerCell(plan: Plan, older: string, e: Edit): Hit | null {
  const i = rowContaining(plan, e);
  if (i === -1) return null;
  const src = plan.tasks[i]!.source;
  if (src.type !== 'row') return null;
  // editEffect takes an edit on a line starting `Last Updated` for plan's own stamp, whatever else the line is:
  // a row that starts with a pipe (which no edit here can remove) never does.
  if (!older.slice(src.row.start, src.row.end).trimStart().startsWith('|')) return null;
  // A pipe or a backslash changes how the row splits into cells; a backtick, what a pipe means.
  if (/[|\\`]/.test(e.expect) || /[|\\`]/.test(e.text)) return null;
  const cell = [src.columns.status, src.columns.owner].find((k) => {
    const span = k === undefined ? undefined : src.cells[k];
    return !!span && span.start <= e.start && e.end <= span.end;
  });
  return cell === undefined ? null : { task: i, cell, edit: e };
}

/**
 * What the cells make of a table's columns (columns.ts decides roles from what
 * the cells hold: a status word in an owner column can turn the table), as a
 * string to compare.
 */
function columnsOf(
  text: string,
  info: Pick<TableInfo, 'start' | 'end' | 'headers'> & { delimiter: { end: number } },
  vocab: Vocabulary,
  repair: (s: string) => string,
): string {
  const raw = tableCells(text, info);
  const rows = raw.map((cells) => cells.map((c) => displayText(c, repair)));
  return JSON.stringify(planColumns(info.headers, rows, raw, vocab));
}

/** The raw text of each cell of each body row of a table. */
function tableCells(text: string, info: Pick<TableInfo, 'end'> & { delimiter: { end: number } }): string[][] {
  const raw: string[][] = [];
  let at = text.indexOf('\n', info.delimiter.end) + 1;
  while (at > 0 && at < info.end) {
    let end = text.indexOf('\n', at);
    if (end === -1 || end > info.end) end = Math.min(info.end, end === -1 ? text.length : end);
    raw.push(splitRow(text, at, end).cells.map((c) => text.slice(c.start, c.end)));
    at = end + 1;
  }
  return raw;
}
