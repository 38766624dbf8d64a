// Tables whose columns are a board's lanes (`| To do | Doing | Done |`), each cell a card: the text of the card
// in the column of its state. Where the state columns hold marks beside a title column instead, mark-columns.ts
// reads them; `plan set` moves a card's text to its new lane on the same row (write/card-move.ts).

import type { Vocabulary } from '../model/status.js';
import { hasLetter } from '../text/char-tests.js';
import { headerStatus, isMark, type StateColumn } from './mark-columns.js';

/**
 * The lanes of a table every column of which is headed by a status, two statuses at least, whose cells are cards
 * (words, not marks): each column with its status, left to right. Null when the table is not of that shape: a
 * table of counts under `| Open | Closed |` has no words, and one of marks has no column left for the title.
 */
export function laneColumns(headers: string[], rows: string[][], vocab: Vocabulary): StateColumn[] | null {
  if (headers.length < 2) return null;
  const lanes: StateColumn[] = [];
  for (const [column, h] of headers.entries()) {
    const status = headerStatus(h, vocab);
    if (!status) return null;
    lanes.push({ column, status });
  }
  if (new Set(lanes.map((l) => l.status)).size < 2) return null;
  const cells = rows.flatMap((r) => r.map((c) => c.trim()).filter((c) => c !== ''));
  return cells.some(hasLetter) && !cells.some(isMark) ? lanes : null;
}
