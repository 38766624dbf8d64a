// Tables with a column per state (`| Task | To do | Doing | Done |`): a row's status is the column that holds its
// mark (`X`, `✓`, `yes`). The reader finds such columns here; `plan set` moves the mark (write/mark-move.ts).

import { type Status, Vocabulary } from '../model/status.js';

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

/** A tick alone, and a cross alone: a yes and a no, where a list or a column asks one (`✅ Daily backups`, `| Done | ❌ |`). */
const YES_MARK = /^(?:✅|✔️?|✓|☑️?)$/u;
const NO_MARK = /^(?:❌|✗|✘|✖️?)$/u;

/** Whether `mark` (trimmed) is a tick alone, a cross alone (or a shortcode drawing one, `:x:`), or neither. */
export function yesOrNo(mark: string): 'yes' | 'no' | null {
  const drawn = mark.startsWith(':') && mark.endsWith(':') ? (Vocabulary.shortcode(mark.slice(1, -1)) ?? mark) : mark;
  return YES_MARK.test(drawn) ? 'yes' : NO_MARK.test(drawn) ? 'no' : null;
}

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
 * The state columns of a table, or null when it is not of that shape: every filled cell of theirs a mark, a column
 * of words left for the title, and either at least two columns headed by different statuses, some row marked, or
 * one column headed by the finished state (`| Task | Description | Completed | Date |`): a checklist in a table,
 * whose rows are done where ticked and not yet where blank, however few are ticked so far.
 */
export function stateColumns(headers: string[], rows: string[][], vocab: Vocabulary): StateColumn[] | null {
  const states: StateColumn[] = [];
  headers.forEach((h, column) => {
    const status = headerStatus(h, vocab);
    if (status && !states.some((s) => s.status === status)) states.push({ column, status });
  });
  if (states.length === 0 || states.length >= headers.length || rows.length === 0) return null;
  const cells = (c: number) => rows.map((r) => (r[c] ?? '').trim()).filter((v) => v !== '');
  if (states.some((s) => !cells(s.column).every(isMark))) return null;
  if (states.length === 1) return states[0]!.status === 'done' ? states : null;
  return states.some((s) => cells(s.column).length > 0) ? states : null;
}

/**
 * A row's status: the column that holds its mark (the rightmost, the furthest state, when several do); with none,
 * pending where the table has a to-do column or only a column for done (not yet ticked), else none.
 */
export function markedStatus(cells: (string | null)[], states: StateColumn[]): Status {
  const marked = markedColumns(cells, states);
  if (marked.length > 0) return marked[marked.length - 1]!.status;
  return states.some((s) => s.status === 'pending') || onlyDone(states) ? 'pending' : 'none';
}

/** A table whose one state column is for done: a blank cell there is work not done yet. */
export function onlyDone(states: StateColumn[]): boolean {
  return states.length === 1 && states[0]!.status === 'done';
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
