// `plan set` in a table with a column per state (`| Task | Todo | Done |`, read/mark-columns.ts): the mark moves.
// The marked cell is emptied and the file's own mark (the one it writes most) goes to the new status's column;
// a note beside the mark (`X (Ana)`) goes with it. Without a column for the new status, `set` refuses.

import type { SettableStatus } from '../model/status.js';
import type { Task } from '../model/types.js';
import type { Span } from '../parse/blocks.js';
import { markedColumns, type StateColumn } from '../read/mark-columns.js';
import { PlanError } from '../system/errors.js';
import { plainText } from '../text/plain.js';
import { cellSplice } from './layout.js';
import type { Edit } from './splice.js';
import type { EditContext, StatusChange, StatusOptions } from './task-edits.js';

type RowSource = Extract<Task['source'], { type: 'row' }>;

/** The leading mark of a marked cell (`X` of `X (Ana)`) and the note after it (` (Ana)`). */
function splitMark(cell: string): { mark: string; note: string } {
  const m = /^[^\s(]+/u.exec(cell);
  const mark = m ? m[0] : cell;
  return { mark, note: cell.slice(mark.length) };
}

/** The mark the file writes most in its state columns (`X` where it has ten `X` and one `✓`); `X` when it has none. */
function fileMark(ec: EditContext): string {
  const counts = new Map<string, number>();
  for (const t of ec.plan.tasks) {
    if (t.source.type !== 'row') continue;
    const states = ec.plan.tables[t.source.table]?.states;
    if (!states) continue;
    for (const s of states) {
      const span = t.source.cells[s.column];
      const text = span ? ec.text.slice(span.start, span.end).trim() : '';
      if (text) counts.set(splitMark(text).mark, (counts.get(splitMark(text).mark) ?? 0) + 1);
    }
  }
  let best = 'X';
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
  if (!target) {
    const headers = ec.plan.tables[src.table]?.headers ?? [];
    const can = states.map((s) => `${headers[s.column]?.trim()} (${s.status})`);
    return `${where}'s status is a mark in its table's column for it, and no column is for ${to}: it can write ${can.join(', ')}`;
  }
  if (opts.markOwner !== undefined || opts.text !== undefined)
    return `${where}'s status is a mark in a column: only the mark moves (no owner mark, no words of its own)`;
  if (!src.cells[target.column]) return `${where}'s row has no cell in the ${to} column; complete the row first`;
  return null;
}

/** The edits that move a row's mark to the column of `to`. */
export function markMove(ec: EditContext, t: Task, to: SettableStatus, states: StateColumn[], opts: StatusOptions): StatusChange {
  const why = refusal(ec, t, to, states, opts);
  if (why) throw new PlanError(why);
  const src = t.source as RowSource;
  const raw = (span: Span | undefined) => (span ? ec.text.slice(span.start, span.end).trim() : '');
  // What the reader saw: a cell that shows nothing (`&nbsp;`, `<br>`) is empty, and is written over whole.
  const text = (span: Span | undefined) => plainText(raw(span)).trim();
  const target = states.find((s) => s.status === to)!;
  const marked = markedColumns(
    src.cells.map((c) => text(c)),
    states,
  );
  const others = marked.filter((s) => s.column !== target.column);
  const notes = others.map((s) => splitMark(text(src.cells[s.column])).note).filter((n) => n.trim() !== '');
  if (notes.length > 1) throw new PlanError(`${ec.file}:${t.line}: task ${t.id}'s marks carry notes in several columns; move them with \`plan edit\``);
  const edits: Edit[] = others.map((s) => cellSplice(ec, src.table, src.cells[s.column]!, 0, raw(src.cells[s.column]).length, '').edit);
  const had = text(src.cells[target.column]);
  const written = had ? raw(src.cells[target.column]) : fileMark(ec) + (notes[0] ?? '');
  if (!had) edits.push(cellSplice(ec, src.table, src.cells[target.column]!, 0, raw(src.cells[target.column]).length, written).edit);
  edits.sort((a, b) => a.start - b.start);
  // Text moves between cells here: the new text is read back, and a move that would not read as `to` is refused.
  return { edits, from: t.status, to, statusText: written, remarks: [], reread: true };
}
