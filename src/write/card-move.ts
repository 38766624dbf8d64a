// `plan set` on a card of a board whose columns are its lanes (`| To do | Doing | Done |`, read/lane-columns.ts):
// the card's text moves to the new status's column on the same row, as a person dragging it would. Where the new
// cell is spaces wide enough, each cell keeps its width and the card its leading spaces; else (too narrow, a tab, or
// a cell holding a comment, a picture or `&nbsp;`) the two cells trade places. Either way nothing in the row is lost
// and a set and its set back leave the row's bytes as they were. Where the row's cell in that column holds another
// card, or no column is for the status, `set` refuses.

import type { SettableStatus } from '../model/status.js';
import type { Task } from '../model/types.js';
import { cardWords } from '../read/lane-columns.js';
import type { StateColumn } from '../read/mark-columns.js';
import { splitRow } from '../parse/cells.js';
import { PlanError } from '../system/errors.js';
import { textWidth } from '../text/width.js';
import { slotEdit, slotOf } from './mark-move.js';
import type { Edit } from './splice.js';
import type { EditContext, StatusChange, StatusOptions } from './task-edits.js';

type RowSource = Extract<Task['source'], { type: 'row' }>;

/** A lane's header as a word the user may give for it: `In Review` for `in review` and `InReview`. */
const laneKey = (s: string) => s.toLowerCase().replace(/\s+/gu, '');

/**
 * The lane the card goes to: the one the user's word names (`To Do` beside `Backlog`, both pending), else the one
 * lane of status `to`. Where several lanes share it and the word names none of them, none: plan does not guess.
 */
function targetLane(headers: string[], lanes: StateColumn[], to: SettableStatus, word: string | undefined): StateColumn[] {
  const named = word === undefined ? undefined : lanes.find((l) => laneKey(headers[l.column] ?? '') === laneKey(word));
  return named?.status === to ? [named] : lanes.filter((l) => l.status === to);
}

/** Whether the user's word names a lane of the card's board other than the one it stands in: a move, same status or not. */
export function namesOtherLane(ec: EditContext, t: Task, word: string | undefined): boolean {
  if (word === undefined || t.source.type !== 'row') return false;
  const table = ec.plan.tables[t.source.table];
  const named = table?.lanes?.find((l) => laneKey(table.headers[l.column] ?? '') === laneKey(word));
  return named !== undefined && named.column !== t.source.columns.title;
}

/** Why the card cannot move to the lane of `to` (no such lane, two such, a claim's mark, the cell taken), or null. */
function refusal(ec: EditContext, t: Task, to: SettableStatus, lanes: StateColumn[], opts: StatusOptions): string | null {
  const src = t.source as RowSource;
  const where = `${ec.file}:${t.line}: task ${t.id}`;
  const headers = ec.plan.tables[src.table]?.headers ?? [];
  const targets = targetLane(headers, lanes, to, opts.word);
  const target = targets[0];
  if (!target) {
    const can = lanes.map((l) => `${headers[l.column]?.trim()} (${l.status})`);
    return `${where}'s status is the column its card stands in, and no column is for ${to}: it can write ${can.join(', ')}`;
  }
  if (targets.length > 1) {
    const names = targets.map((l) => JSON.stringify(headers[l.column]?.trim()));
    return `${where}'s status is the column its card stands in, and ${names.join(' and ')} are all ${to}: name the column (\`plan set ${t.id} ${names[0]}\`)`;
  }
  if (opts.markOwner !== undefined || opts.text !== undefined)
    return `${where}'s status is the column its card stands in: only the card moves (no owner mark, no words of its own)`;
  const own = src.cells[src.columns.title!]!;
  if (lines(ec.text.slice(own.start, own.end)) > 1)
    return `${where}'s cell holds several lines (\`<br>\`), maybe several cards: set would move them all; move them by hand`;
  const into = src.cells[target.column];
  if (!into) return `${where}'s row has no cell in the ${headers[target.column]?.trim()} column; complete the row first`;
  // A comment, a picture or a space there is no card: the two cells trade places, and none of it is lost.
  if (cardWords(ec.text.slice(into.start, into.end)) !== '')
    return `${where}: the ${headers[target.column]?.trim()} cell of its row holds another card; move it with \`plan edit\``;
  return null;
}

/** A line break written in a cell (`<br>`, `<br/>`, `<BR />`). */
const BREAK = /<br *\/?>/iu;

/** How many lines of words a cell's Markdown shows (`Spec<br>Tests`: two). */
function lines(raw: string): number {
  return raw.split(BREAK).filter((part) => cardWords(part) !== '').length;
}

/** The edits that move a card's text to the column of `to`, on its row. */
export function cardMove(ec: EditContext, t: Task, to: SettableStatus, lanes: StateColumn[], opts: StatusOptions): StatusChange {
  const src = t.source as RowSource;
  const why = refusal(ec, t, to, lanes, opts);
  const target = targetLane(ec.plan.tables[src.table]?.headers ?? [], lanes, to, opts.word)[0];
  if (why) throw new PlanError(why);
  const from = slotOf(ec.text, src.cells[src.columns.title!]!);
  const into = slotOf(ec.text, src.cells[target!.column]!);
  const slot = (s: { start: number; end: number }) => ec.text.slice(s.start, s.end);
  const entered = laidOut(slot(from), slot(into));
  const edits = entered
    ? [slotEdit(ec.text, from, ' '.repeat(textWidth(slot(from)))), slotEdit(ec.text, into, entered)]
    : [slotEdit(ec.text, from, slot(into)), slotEdit(ec.text, into, slot(from))];
  edits.sort((a, b) => a.start - b.start);
  if (cellsAfter(ec.text, src.row.start, edits) < src.cells.length) throw new PlanError(edgeRefusal(ec, t));
  const statusText = ec.plan.tables[src.table]?.headers[target!.column]?.trim() ?? to;
  // Text moves between cells here: the new text is read back, and a move that would not read as `to` is refused.
  return { edits, from: t.status, to, statusText, remarks: [], reread: true };
}

/**
 * How many cells the row starting at `rowStart` has once `edits` are made. A cell at the row's edge with no pipe
 * outside it (`| Spec | | Ship`, or a table written without outer pipes) is no cell once it is blank.
 */
function cellsAfter(text: string, rowStart: number, edits: Edit[]): number {
  const nl = text.indexOf('\n', rowStart);
  let end = nl < 0 ? text.length : nl;
  if (text[end - 1] === '\r') end--;
  let row = '';
  let at = rowStart;
  for (const e of edits) {
    row += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  row += text.slice(at, end);
  return splitRow(row, 0, row.length).cells.length;
}

function edgeRefusal(ec: EditContext, t: Task): string {
  return `${ec.file}:${t.line}: task ${t.id}'s card is in the cell at its row's edge with no \`|\` outside it: emptied, the row would lose that cell; write the row's outer \`|\` first`;
}

/**
 * The card of slot `from` laid out in the blank slot `into`: its leading spaces kept, spaces after it to the slot's
 * width, so that the move back lays it out as it was. Null where that could not be undone so (a tab in the blanks,
 * a slot holding anything but spaces, too narrow a slot): there the two slots trade places, which always can be.
 */
function laidOut(from: string, into: string): string | null {
  const blank = (c: string | undefined) => c === ' ' || c === '\t';
  let a = 0;
  while (a < from.length && blank(from[a])) a++;
  let b = from.length;
  while (b > a && blank(from[b - 1])) b--;
  const card = from.slice(a, b);
  if (!/^ *$/.test(into) || (from.slice(0, a) + from.slice(b)).includes('\t')) return null;
  const rest = textWidth(into) - a - textWidth(card);
  return rest >= 0 ? ' '.repeat(a) + card + ' '.repeat(rest) : null;
}
