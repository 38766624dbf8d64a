// The model of a file after plan's own edit, without parsing it again: spans
// after each edit move by its length change, and the rows an edit touched are
// split and read again from the new text. Only for edits inside table rows
// that keep the line structure (set, edit, claim on rows, date stamps);
// anything else returns null and the next read parses the file.
// Differential tests hold the result to a fresh parse of the new text.

import type { Edit } from '../text/splice-edit.js';
import type { Span } from '../parse/blocks.js';
import { splitRow } from '../parse/cells.js';
import { displayText, rowFields } from '../read/build.js';
import { inlineDependencies, mayHoldDependencies } from '../read/depends.js';
import { readOneTask, stripFieldMarks } from '../read/fields.js';
import { sourceStart, type Plan, type Task } from '../model/types.js';
import { Vocabulary } from '../model/status.js';
import { lineStartAt } from '../text/lines.js';
import { mayHaveMojibake } from '../text/mojibake-check.js';

export interface EditEffect {
  /** The edited tasks (by index) as they read in the new text. */
  changed: Map<number, Task>;
  /** The front matter's `modified` after the edits. */
  modified: string | null;
}

/**
 * What plan's own edits did to the model, or null when only a new parse can tell.
 * `oldText` is the text the plan was read from; `repair` is the new text's.
 */
export function editEffect(
  plan: Plan,
  edits: Edit[],
  oldText: string,
  newText: string,
  repair: (s: string) => string,
  touchedTasks: Task[] = [],
): EditEffect | null {
  // A status written away from its task (a ledger row, a `Status:` line below a heading) moves with text the task does not hold.
  if (plan.detachedStatus) return null;
  // So does a task written in several places (Task.mentions): its other places are offsets away from it.
  if (plan.mentions) return null;
  // Whether a file is read through the mojibake repair is decided for the whole
  // file (load.ts): an edit that adds or removes the damage (fix, its undo)
  // changes the reading of rows it never touched.
  if (edits.some((e) => /[\r\n]/.test(e.text) || /[\r\n]/.test(e.expect))) return null;
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  // The damage is a pair of characters within one line: only an edited line can add or remove it.
  if (editedLinesMayHaveMojibake(sorted, oldText, newText) && mayHaveMojibake(oldText) !== mayHaveMojibake(newText)) return null;
  const hints = touchedTasks.map((t) => indexOfTask(plan, t)).filter((i) => i >= 0);
  const fm = plan.frontMatter.span;
  const touched = new Set<number>();
  let modified = plan.frontMatter.modified;
  for (const e of sorted) {
    if (fm && e.end <= fm.end) {
      // A date stamp: `modified:` keeps its YYYY-MM-DD shape or we give up.
      if (!/^\d{4}-\d{2}-\d{2}$/.test(e.text)) return null;
      // Its year is the year of the file's dates written without one (`Mar 14`): a new year, a new reading.
      if (e.text.slice(0, 4) !== modified?.slice(0, 4)) return null;
      modified = e.text;
      continue;
    }
    const hinted = hints.find((i) => holds(plan.tasks[i]!, e));
    if (
      hinted === undefined &&
      /^last[ \t]+updated/i.test(
        lineAround(newText, shift(sorted, e.start))
          .trimStart()
          .replace(/^[*_]+/, ''),
      )
    ) {
      continue; // the `Last Updated` stamp
    }
    const t = hinted ?? rowContaining(plan, e);
    if (t === -1) return null;
    touched.add(t);
  }
  const vocab = Vocabulary.of(plan.statusExtension);
  const display = (s: Span) => displayText(newText.slice(s.start, s.end), repair);
  const changed = new Map<number, Task>();
  for (const i of touched) {
    const t = plan.tasks[i]!;
    const src = t.source as Extract<Task['source'], { type: 'row' }>;
    const start = shift(sorted, src.row.start);
    let end = newText.indexOf('\n', start);
    if (end === -1) end = newText.length;
    while (end > start && /[ \r]/.test(newText[end - 1]!)) end--;
    const row = splitRow(newText, start, end);
    // A row that gained or lost a cell changes the table's shape (ragged rows): only a parse can tell.
    if (row.cells.length !== src.cells.length) return null;
    const info = plan.tables[src.table]!;
    const { numberedId, ...fields } = rowFields(row.cells, info, display, vocab, (s) => newText.slice(s.start, s.end));
    // Dependencies are read from titles and notes, and resolved against every task: a new parse says what they are now.
    if (changesDependencies(plan, src, edits)) return null;
    // Without an Owner column a row's owner may be its section's (`## Sprint 1 (Owner: bob)`), which the row does not
    // hold: where the row names none now, only a parse can tell whether the section's applies.
    if (info.columns.owner === undefined && fields.owner == null && t.owner != null) return null;
    fields.title = inlineDependencies(stripFieldMarks(fields.title)).title || fields.title;
    const next: Task = { ...t, ...fields, source: { ...src, row: { start: row.start, end: row.end }, cells: row.cells } };
    readOneTask(next, newText, plan.dates ?? { dayFirst: null, year: null });
    // A date that changed may change how the file's other dates read (the order of day and month, the year): a new parse says.
    if ((['due', 'scheduled', 'start', 'doneDate'] as const).some((k) => next[k] !== t[k])) return null;
    if (numberedId !== null && t.idFromFile) next.id = numberedId;
    // A reference follows the words, and is unique in the file (ref.ts): new words, new references for others too.
    if (!t.idFromFile && next.title !== t.title) return null;
    changed.set(i, next);
  }
  return { changed, modified };
}

/** An edit of a row's title or notes cell in a plan with dependencies (a title names a task), or one that writes a dependency mark. */
function changesDependencies(plan: Plan, src: Extract<Task['source'], { type: 'row' }>, edits: Edit[]): boolean {
  const cells = [src.columns.title, src.columns.notes].flatMap((i) => (i === undefined || !src.cells[i] ? [] : [src.cells[i]!]));
  const inCell = edits.filter((e) => cells.some((c) => e.start <= c.end && e.end >= c.start));
  return inCell.length > 0 && (!!plan.dependencies || inCell.some((e) => mayHoldDependencies(e.text)));
}

function holds(t: Task, e: Edit): boolean {
  const s = t.source;
  return s.type === 'row' && s.row.start < e.start && e.end <= s.row.end;
}

/** A task's index, looked up within its own table (reading no other part of a lazily read plan). */
function indexOfTask(plan: Plan, t: Task): number {
  if (t.source.type === 'row') {
    const info = plan.tables[t.source.table];
    if (info) {
      for (let i = info.firstTask; i < info.firstTask + info.taskCount; i++) if (plan.tasks[i]!.line === t.line) return i;
    }
  }
  return -1;
}

/** The index of the row task whose row holds the edit, or -1. Rows are in file order. */
export function rowContaining(plan: Plan, e: Edit): number {
  let lo = 0;
  let hi = plan.tasks.length - 1;
  const anchor = (i: number) => sourceStart(plan.tasks[i]!.source);
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (anchor(mid) < e.start) lo = mid;
    else hi = mid - 1;
  }
  const s = plan.tasks[lo]?.source;
  return s && s.type === 'row' && s.row.start < e.start && e.end <= s.row.end ? lo : -1;
}

/** The whole model after plan's own edits (the cold path, and the reference for tests). */
export function planAfterEdits(plan: Plan, edits: Edit[], oldText: string, newText: string, repair: (s: string) => string): Plan | null {
  const effect = editEffect(plan, edits, oldText, newText, repair);
  if (!effect) return null;
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const map = (x: number) => shift(sorted, x);
  const mapSpan = (s: Span): Span => ({ start: map(s.start), end: map(s.end) });
  // Offsets up to the first edit stay where they are: a task wholly before it is kept as it was.
  const first = sorted[0]?.start ?? Number.POSITIVE_INFINITY;
  const tasks = plan.tasks.map((t, i): Task => {
    const updated = effect.changed.get(i);
    if (updated) return updated;
    const src = t.source;
    if (lastOffset(src) <= first) return t;
    if (src.type === 'item') {
      return {
        ...t,
        source: {
          ...src,
          item: mapSpan(src.item),
          checkbox: src.checkbox && mapSpan(src.checkbox),
          text: mapSpan(src.text),
          statusMark: src.statusMark && mapSpan(src.statusMark),
          statusTail: src.statusTail ? mapSpan(src.statusTail) : null,
        },
      };
    }
    if (src.type === 'heading') {
      return { ...t, source: { ...src, heading: mapSpan(src.heading), text: mapSpan(src.text), status: src.status && mapSpan(src.status) } };
    }
    if (src.type === 'entry') {
      const owner = src.owner === undefined ? {} : { owner: src.owner && mapSpan(src.owner) };
      return { ...t, source: { ...src, entry: mapSpan(src.entry), text: src.text && mapSpan(src.text), status: src.status && mapSpan(src.status), ...owner } };
    }
    return { ...t, source: { ...src, row: mapSpan(src.row), cells: src.cells.map(mapSpan) } };
  });
  const fm = plan.frontMatter.span;
  return {
    ...plan,
    frontMatter: { ...plan.frontMatter, modified: effect.modified, span: fm && mapSpan(fm) },
    bodyStart: map(plan.bodyStart),
    tasks,
    tables: plan.tables.map((t) => ({ ...t, start: map(t.start), end: map(t.end), header: mapSpan(t.header), delimiter: mapSpan(t.delimiter) })),
  };
}

/** The end of the last span a task's source holds. */
function lastOffset(src: Task['source']): number {
  if (src.type === 'row') return src.row.end;
  if (src.type === 'heading') return Math.max(src.heading.end, src.status?.end ?? 0);
  if (src.type === 'entry') return src.entry.end;
  return Math.max(src.item.end, src.statusTail?.end ?? 0, src.statusMark?.end ?? 0, src.checkbox?.end ?? 0, src.text.end);
}

/** Where offset `x` (not inside an edit) lands after the edits. */
export function shift(sorted: Edit[], x: number): number {
  let d = 0;
  for (const e of sorted) {
    if (e.end > x || (e.start === e.end && e.start === x)) break;
    d += e.text.length - (e.end - e.start);
  }
  return x + d;
}

/** Whether a line the edits touch may hold mojibake, before or after them (edits within lines, sorted). */
function editedLinesMayHaveMojibake(sorted: Edit[], oldText: string, newText: string): boolean {
  return sorted.some((e) => mayHaveMojibake(lineAround(oldText, e.start)) || mayHaveMojibake(lineAround(newText, shift(sorted, e.start))));
}

function lineAround(text: string, at: number): string {
  const e = text.indexOf('\n', at);
  return text.slice(lineStartAt(text, at), e === -1 ? text.length : e);
}
