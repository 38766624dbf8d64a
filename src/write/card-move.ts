// `plan set` on a card of a board whose columns are its lanes (`| To do | Doing | Done |`, read/lane-columns.ts):
// the card's text moves to the new status's column on the same row, as a person dragging it would. Each cell keeps
// its width where the text fits (else the two cells trade places), so a set and its set back leave the row's bytes as
// they were. Where the row's cell in that column holds another card, or no column is for the status, `set` refuses.

import type { SettableStatus } from '../model/status.js';
import type { Task } from '../model/types.js';
import type { StateColumn } from '../read/mark-columns.js';
import { PlanError } from '../system/errors.js';
import { plainText } from '../text/plain.js';
import { textWidth } from '../text/width.js';
import { emptied, entered, isTight, slotEdit, slotOf } from './mark-move.js';
import type { EditContext, StatusChange, StatusOptions } from './task-edits.js';

type RowSource = Extract<Task['source'], { type: 'row' }>;

/** Why the card cannot move to the lane of `to` (no such lane, a claim's mark, the cell taken), or null. */
function refusal(ec: EditContext, t: Task, to: SettableStatus, lanes: StateColumn[], opts: StatusOptions): string | null {
  const target = lanes.find((l) => l.status === to);
  const src = t.source as RowSource;
  const where = `${ec.file}:${t.line}: task ${t.id}`;
  const headers = ec.plan.tables[src.table]?.headers ?? [];
  if (!target) {
    const can = lanes.map((l) => `${headers[l.column]?.trim()} (${l.status})`);
    return `${where}'s status is the column its card stands in, and no column is for ${to}: it can write ${can.join(', ')}`;
  }
  if (opts.markOwner !== undefined || opts.text !== undefined)
    return `${where}'s status is the column its card stands in: only the card moves (no owner mark, no words of its own)`;
  const into = src.cells[target.column];
  if (!into) return `${where}'s row has no cell in the ${headers[target.column]?.trim()} column; complete the row first`;
  if (plainText(ec.text.slice(into.start, into.end)).trim() !== '')
    return `${where}: the ${headers[target.column]?.trim()} cell of its row holds another card; move it with \`plan edit\``;
  return null;
}

/** The edits that move a card's text to the column of `to`, on its row. */
export function cardMove(ec: EditContext, t: Task, to: SettableStatus, lanes: StateColumn[], opts: StatusOptions): StatusChange {
  const src = t.source as RowSource;
  const target = lanes.find((l) => l.status === to);
  const why = refusal(ec, t, to, lanes, opts);
  if (why) throw new PlanError(why);
  const fromCell = src.cells[src.columns.title!]!;
  const card = ec.text.slice(fromCell.start, fromCell.end).trim();
  const from = slotOf(ec.text, fromCell);
  const into = slotOf(ec.text, src.cells[target!.column]!);
  const slot = (s: { start: number; end: number }) => ec.text.slice(s.start, s.end);
  const tight = isTight(ec.text.slice(src.row.start, src.row.end));
  // A card too wide for its new cell trades cells with it, so that setting it back restores both.
  const trade = !tight && (/\S/u.test(slot(into)) || textWidth(slot(into)) < textWidth(card) + 2);
  const edits = trade
    ? [slotEdit(ec.text, from, slot(into)), slotEdit(ec.text, into, slot(from))]
    : [
        slotEdit(ec.text, from, emptied(slot(from), tight)),
        slotEdit(ec.text, into, tight ? card : entered(ec, t, target!.column, slot(into), slot(from), card)),
      ];
  edits.sort((a, b) => a.start - b.start);
  const statusText = ec.plan.tables[src.table]?.headers[target!.column]?.trim() ?? to;
  // Text moves between cells here: the new text is read back, and a move that would not read as `to` is refused.
  return { edits, from: t.status, to, statusText, remarks: [], reread: true };
}
