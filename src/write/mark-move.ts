// `plan set` in a table with a column per state (`| Task | Todo | Done |`, read/mark-columns.ts): the mark moves.
// The marked cell is emptied and the row's mark (else the file's most used) goes to the new status's column; a
// note beside the mark (`X (Ana)`) goes with it. Without a column for the new status, `set` refuses. Each cell
// keeps its width and the mark sits where the column puts it (`:-:` centred, else as it sat in its old cell), so
// a set and its set back leave the row's bytes as they were.

import type { SettableStatus } from '../model/status.js';
import type { Task } from '../model/types.js';
import type { Span } from '../parse/blocks.js';
import { isMark, markedColumns, onlyDone, type StateColumn } from '../read/mark-columns.js';
import { PlanError } from '../system/errors.js';
import { plainText } from '../text/plain.js';
import { textWidth } from '../text/width.js';
import { taskKey } from './memory.js';
import type { Edit } from './splice.js';
import type { EditContext, StatusChange, StatusOptions } from './task-edits.js';

type RowSource = Extract<Task['source'], { type: 'row' }>;

/** The leading mark of a marked cell (`X` of `X (Ana)`) and the note after it (` (Ana)`). */
function splitMark(cell: string): { mark: string; note: string } {
  const m = /^[^\s(]+/u.exec(cell);
  const mark = m ? m[0] : cell;
  return { mark, note: cell.slice(mark.length) };
}

/** The mark the file writes most in its state columns (`X` where it has ten `X` and one `✓`); `fallback` when it has none. */
function fileMark(ec: EditContext, fallback = 'X'): string {
  const counts = new Map<string, number>();
  for (const t of ec.plan.tasks) {
    if (t.source.type !== 'row') continue;
    const states = ec.plan.tables[t.source.table]?.states;
    if (!states) continue;
    for (const s of states) {
      const span = t.source.cells[s.column];
      const text = span ? ec.text.slice(span.start, span.end).trim() : '';
      // Only what the reader takes for a mark counts: `&nbsp;` fills a cell and shows nothing.
      if (text && isMark(plainText(text))) counts.set(splitMark(text).mark, (counts.get(splitMark(text).mark) ?? 0) + 1);
    }
  }
  let best = fallback;
  let most = 0;
  for (const [mark, n] of counts)
    if (n > most) {
      best = mark;
      most = n;
    }
  return best;
}

/** Why a mark cannot move (a claim's mark, a word of the user's, a row short of the column), or null. */
function refusal(ec: EditContext, t: Task, to: SettableStatus, states: StateColumn[], opts: StatusOptions): string | null {
  const src = t.source as RowSource;
  const where = `${ec.file}:${t.line}: task ${t.id}`;
  const target = states.find((s) => s.status === to);
  if (!target && !(to === 'pending' && onlyDone(states))) {
    const headers = ec.plan.tables[src.table]?.headers ?? [];
    if (onlyDone(states))
      return `${where}'s status is a tick in its table's ${headers[states[0]!.column]?.trim()} column, which says done or not yet: it can be set done or pending`;
    const can = states.map((s) => `${headers[s.column]?.trim()} (${s.status})`);
    return `${where}'s status is a mark in its table's column for it, and no column is for ${to}: it can write ${can.join(', ')}`;
  }
  if (opts.markOwner !== undefined || opts.text !== undefined)
    return `${where}'s status is a mark in a column: only the mark moves (no owner mark, no words of its own)`;
  if (target && !src.cells[target.column]) return `${where}'s row has no cell in the ${to} column; complete the row first`;
  return null;
}

type Align = 'left' | 'center' | 'right';

/** A cell's whole slot between its pipes: its text and the spaces around it. */
export function slotOf(text: string, cell: Span): Span {
  let start = cell.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  let end = cell.end;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return { start, end };
}

const leadOf = (slot: string) => slot.slice(0, slot.length - slot.trimStart().length);
const trailOf = (slot: string) => slot.slice(slot.trimEnd().length);

/** How a mark sits in its slot: centred with two or more spaces each side, right with one space after it. */
function placement(slot: string): Align | null {
  const lead = leadOf(slot).length;
  const trail = trailOf(slot).length;
  if (lead === slot.length) return null;
  if (lead >= 2 && Math.abs(lead - trail) <= 1) return 'center';
  return lead >= 2 && trail <= 1 ? 'right' : 'left';
}

/** The alignment a table's delimiter row gives a column (`:-:`, `-:`), or null. */
function delimiterAlign(ec: EditContext, t: Task, column: number): Align | null {
  const info = ec.plan.tables[(t.source as RowSource).table];
  const cells = info ? ec.text.slice(info.delimiter.start, info.delimiter.end).trim().replace(/^\|/, '').replace(/\|$/, '').split('|') : [];
  const d = cells[column]?.trim() ?? '';
  if (d.startsWith(':') && d.endsWith(':')) return 'center';
  return d.endsWith(':') ? 'right' : d.startsWith(':') ? 'left' : null;
}

/** The width of a column's cell in its table's delimiter row (`|:---:|` is 5). */
function delimiterWidth(ec: EditContext, t: Task, column: number): number {
  const info = ec.plan.tables[(t.source as RowSource).table];
  const cells = info ? ec.text.slice(info.delimiter.start, info.delimiter.end).trim().replace(/^\|/, '').replace(/\|$/, '').split('|') : [];
  return cells[column]?.length ?? -1;
}

/** `value` in a slot `width` wide, placed as `align` says; one space each side when it does not fit. */
function paint(value: string, width: number, align: Align): string {
  const w = textWidth(value);
  if (width === 0 && value === '') return '';
  if (width < w + 2) return width === w ? value : ` ${value} `;
  const lead = align === 'center' ? Math.floor((width - w) / 2) : align === 'right' ? width - w - 1 : 1;
  return ' '.repeat(lead) + value + ' '.repeat(width - w - lead);
}

/** An edit that writes a whole slot (spaces and text) anew. */
export function slotEdit(text: string, slot: Span, value: string): Edit {
  return { start: slot.start, end: slot.end, expect: text.slice(slot.start, slot.end), text: value };
}

/** How a row lays out its cells: tight (`|a|X||`, no spaces by its pipes) or padded. */
function isTight(row: string): boolean {
  return !/[ \t]\||\|[ \t]/.test(row.replace(/\\\|/g, ''));
}

/** A slot the mark leaves: as wide as it was (spaces), its own whitespace if tabbed, nothing in a tight row. */
function emptied(slot: string, tight: boolean): string {
  if (tight) return '';
  return slot.includes('\t') ? leadOf(slot) + trailOf(slot) : ' '.repeat(textWidth(slot));
}

/** The slot the mark enters, with `value` laid out as the slot it left was when they are alike, else as the column aligns. */
function entered(ec: EditContext, t: Task, column: number, slot: string, left: string | null, value: string): string {
  if (slot.trim() !== '') return ` ${value} `; // a cell that only shows nothing (`&nbsp;`) is written over whole
  if (left !== null && (left + slot).includes('\t')) return leadOf(left) + trailOf(left) === slot ? leadOf(left) + value + trailOf(left) : ` ${value} `;
  const width = textWidth(slot);
  const lead = left === null ? -1 : leadOf(left).length;
  const rest = width - lead - textWidth(value);
  if (left !== null && textWidth(left) === width && rest >= 0) return ' '.repeat(lead) + value + ' '.repeat(rest);
  return paint(value, width, delimiterAlign(ec, t, column) ?? (left === null ? null : placement(left)) ?? 'left');
}

/** The edits that move a row's mark to the column of `to`. */
export function markMove(ec: EditContext, t: Task, to: SettableStatus, states: StateColumn[], opts: StatusOptions): StatusChange {
  const why = refusal(ec, t, to, states, opts);
  if (why) throw new PlanError(why);
  const src = t.source as RowSource;
  const raw = (span: Span | undefined) => (span ? ec.text.slice(span.start, span.end).trim() : '');
  // What the reader saw: a cell that shows nothing (`&nbsp;`, `<br>`) is empty, and is written over whole.
  const text = (span: Span | undefined) => plainText(raw(span)).trim();
  // Pending in a table whose one state column is for done: the tick goes, and no column takes it.
  const target = states.find((s) => s.status === to);
  const others = markedColumns(src.cells.map(text), states).filter((s) => s.column !== target?.column);
  if (!target) return unmarked(ec, t, to, others);
  // The mark and any note move as written (`**X**`, `X ([Ana](…))`); the reader's mark is the rightmost.
  const moved = others.map((s) => splitMark(raw(src.cells[s.column])));
  const notes = moved.map((m) => m.note).filter((n) => n.trim() !== '');
  if (notes.length > 1) throw new PlanError(`${ec.file}:${t.line}: task ${t.id}'s marks carry notes in several columns; move them with \`plan edit\``);
  const slots = others.map((s) => slotOf(ec.text, src.cells[s.column]!));
  const tight = isTight(ec.text.slice(src.row.start, src.row.end));
  const slotText = (slot: Span) => ec.text.slice(slot.start, slot.end);
  const had = text(src.cells[target.column]);
  const into = slotOf(ec.text, src.cells[target.column]!);
  if (onlyDone(states) && !had) return ticked(ec, t, to, into);
  const written = had ? raw(src.cells[target.column]) : (moved.at(-1)?.mark ?? fileMark(ec)) + (notes[0] ?? '');
  // A lone mark too wide for its new cell trades cells with it, so that setting it back restores both.
  const trade = !had && !tight && slots.length === 1 && raw(src.cells[others[0]!.column]) === written && /^ *$/.test(slotText(into));
  const tooWide = trade && textWidth(slotText(into)) < textWidth(written) + 2;
  const edits: Edit[] = slots.map((slot) => slotEdit(ec.text, slot, tooWide ? slotText(into) : emptied(slotText(slot), tight)));
  if (!had) {
    const left = slots.length ? slotText(slots.at(-1)!) : null;
    const value = tooWide ? left! : tight ? written : entered(ec, t, target.column, slotText(into), left, written);
    edits.push(slotEdit(ec.text, into, value));
  }
  edits.sort((a, b) => a.start - b.start);
  // Text moves between cells here: the new text is read back, and a move that would not read as `to` is refused.
  return { edits, from: t.status, to, statusText: written, remarks: [], reread: true };
}

/**
 * The edit that ticks a row in the one column for done: the slot plan emptied comes back as it was (from the status
 * memory), else the file's tick (`✅` where it has none) laid out as the column aligns it. The blank slot is remembered,
 * so that setting the row back to pending gives its bytes back.
 */
function ticked(ec: EditContext, t: Task, to: SettableStatus, into: Span): StatusChange {
  const key = taskKey(t);
  const blank = ec.text.slice(into.start, into.end);
  const tight = isTight(ec.text.slice((t.source as RowSource).row.start, (t.source as RowSource).row.end));
  const mark = fileMark(ec, '✅');
  const value = ec.memory.recall(key, to, blank) ?? (tight ? mark : entered(ec, t, columnOf(t, into), blank, null, mark));
  ec.memory.remember(key, t.status, blank, value);
  return { edits: [slotEdit(ec.text, into, value)], from: t.status, to, statusText: value.trim(), remarks: [], reread: true };
}

/** The column of a row's cell whose slot is `slot`. */
function columnOf(t: Task, slot: Span): number {
  return (t.source as RowSource).cells.findIndex((c) => c.start >= slot.start && c.end <= slot.end);
}

/**
 * The edits that take a row's tick out of the one column for done: the slot it had before plan ticked it (from the
 * status memory), else spaces as wide as the column's delimiter where the table is laid out to it, else `| |`. A tick
 * that carries a note (`✅ (Ana, 2 May)`) is refused: the column has no place to keep the note.
 */
function unmarked(ec: EditContext, t: Task, to: SettableStatus, marked: StateColumn[]): StatusChange {
  const src = t.source as RowSource;
  const key = taskKey(t);
  const tight = isTight(ec.text.slice(src.row.start, src.row.end));
  for (const s of marked) {
    const { note } = splitMark(ec.text.slice(src.cells[s.column]!.start, src.cells[s.column]!.end).trim());
    if (note.trim())
      throw new PlanError(
        `${ec.file}:${t.line}: task ${t.id}'s tick carries a note, "${note.trim()}", which setting it pending would lose; nothing was written (edit the cell by hand)`,
      );
  }
  const edits = marked.map((s) => {
    const slot = slotOf(ec.text, src.cells[s.column]!);
    const was = ec.text.slice(slot.start, slot.end);
    // A column laid out to its delimiter's width keeps it; else the cell is left as a blank one is typed, `| |`.
    const aligned = textWidth(was) === delimiterWidth(ec, t, s.column);
    const value = ec.memory.recall(key, to, was) ?? (aligned || tight ? emptied(was, tight) : ' ');
    ec.memory.remember(key, t.status, was, value);
    return slotEdit(ec.text, slot, value);
  });
  return { edits, from: t.status, to, statusText: '', remarks: [], reread: true };
}

/**
 * What a new row of a table with a column per state writes for `status`: the file's mark in that status's column
 * (`✅` in a table whose one column is for done, where the file has none), nothing for pending where the table has no
 * column for it. A status with no column is refused, as `set` refuses it.
 */
export function newRowMarks(
  ec: EditContext,
  file: string,
  line: number,
  states: StateColumn[],
  headers: string[],
  status: SettableStatus,
): Map<number, string> {
  const target = states.find((s) => s.status === status);
  if (target) return new Map([[target.column, fileMark(ec, onlyDone(states) ? '✅' : 'X')]]);
  if (status === 'pending' && !states.some((s) => s.status === 'pending')) return new Map();
  const can = onlyDone(states) ? ['done', 'pending'] : states.map((s) => `${headers[s.column]?.trim()} (${s.status})`);
  throw new PlanError(`${file}:${line}: the table says a status by a mark in a column, and no column is for ${status}: a new row can be ${can.join(' or ')}`);
}
