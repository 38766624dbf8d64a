// Tables with a column per state (`| Task | To do | Doing | Done |`): a row's status is the column that holds its
// mark (`X`, `✓`, `yes`). The reader finds such columns here; `plan set` moves the mark (write/mark-move.ts).

import type { Status, Vocabulary } from '../model/status.js';

/** A column whose header is a status word: a mark in it gives the row that status. */
export interface StateColumn {
  column: number;
  status: Status;
}

/**
 * A mark: a tick or a cross-out that says "here" (`X`, `✓`, `✅`, `*`, `●`) or a yes word, then at most a short note
 * in brackets (`X (Ana)`). Not a no (`No`, `-`, `✗`, `❌`), a number or an abbreviation: a column holding those is
 * data (`| Open | Closed |` over counts), and the table is no board of marks. Bounded quantifiers only.
 */
const MARK = /^(?:[xX✓✔☑✅*•●■◉]\uFE0F?|yes|oui|sí|si|ja|sì|да|是)(?:\s{0,3}\([^()]{0,40}\))?$/iu;

/** Whether a cell holds a mark (and nothing longer): the cells of a state column. */
export function isMark(cell: string): boolean {
  return MARK.test(cell.trim());
}

/** A header that is a status word and nothing else (`TODO`, `In progress`, `Done`), or null. */
export function headerStatus(header: string, vocab: Vocabulary): Status | null {
  const h = header.trim();
  if (h === '' || h.length > 24) return null;
  const r = vocab.read(h);
  return r.status !== 'none' && r.start === 0 && r.end >= h.length ? r.status : null;
}

/**
 * The state columns of a table, or null when it is not of that shape: at least two columns headed by different
 * statuses, every filled cell of theirs a mark, some row marked, and a column of words left for the title.
 */
export function stateColumns(headers: string[], rows: string[][], vocab: Vocabulary): StateColumn[] | null {
  const states: StateColumn[] = [];
  headers.forEach((h, column) => {
    const status = headerStatus(h, vocab);
    if (status && !states.some((s) => s.status === status)) states.push({ column, status });
  });
  if (states.length < 2 || states.length >= headers.length) return null;
  const cells = (c: number) => rows.map((r) => (r[c] ?? '').trim()).filter((v) => v !== '');
  if (states.some((s) => !cells(s.column).every(isMark))) return null;
  return states.some((s) => cells(s.column).length > 0) ? states : null;
}

/**
 * A row's status: the column that holds its mark (the rightmost, the furthest state, when several do); with none,
 * pending where the table has a to-do column, else none.
 */
export function markedStatus(cells: (string | null)[], states: StateColumn[]): Status {
  const marked = markedColumns(cells, states);
  if (marked.length > 0) return marked[marked.length - 1]!.status;
  return states.some((s) => s.status === 'pending') ? 'pending' : 'none';
}

/** The text of the mark that gives a row its status (`✓`), or '' with none: its status text. */
export function markText(cells: (string | null)[], states: StateColumn[]): string {
  const marked = markedColumns(cells, states);
  return marked.length > 0 ? cells[marked[marked.length - 1]!.column]!.trim() : '';
}

/** The state columns a row marks, left to right. */
export function markedColumns(cells: (string | null)[], states: StateColumn[]): StateColumn[] {
  return states.filter((s) => (cells[s.column] ?? '').trim() !== '').sort((a, b) => a.column - b.column);
}

/** Whether a row of `cells` cells has a cell in some state column: a place for its mark. */
export function reachesStates(cells: number, states: StateColumn[]): boolean {
  return states.some((s) => s.column < cells);
}
