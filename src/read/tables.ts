// Table rows as tasks. The schema comes from columns.ts; here each row is read
// through it, and rows that are not tasks are set aside: group-header rows
// (`| **Sprint 1** | | |`, which scope the rows below them), totals, and
// placeholders (`| ... | ... |`).

import type { Span } from '../parse/blocks.js';
import type { Status, Vocabulary } from '../model/status.js';
import { filled } from './columns.js';
import { headerStatus, markedStatus, markText, yesOrNo } from './mark-columns.js';
import { trailingOwnerMark } from './owner-mark.js';
import { closingMark } from './items.js';
import { cleanTitle, splitNumberedName, stripLeadingMarks, withoutCodedType } from './names.js';
import { scopesInHeading } from './scope.js';
import { normaliseRange } from './scope-range.js';
import type { Scope, TableInfo, Task } from '../model/types.js';
import { hasLetter, hasLetterOrDigit } from '../text/char-tests.js';
import { allMatches } from '../text/all-matches.js';

export type RowKind = 'task' | 'group' | 'total' | 'blank';

const TOTAL = /^(?:total|totals|sum|overall|grand total|summary|gesamt|итого|всього|合計|总计|合计|الإجمالي|إجمالي|celkem|totale)\b/iu;
const PLACEHOLDER = /^(?:|\.{2,}|…|-|—|–|\(.*\.\.\.?\)|（.*）\.{0,3}|\*?\(?more.*\)?\*?)$/iu;

/**
 * What a row is: a task, a group header (one filled cell that names a scope or
 * is all bold: `| **Sprint 1** | | |`), a totals row, or nothing at all.
 * `cells` are display texts, `raw` the cells as written.
 */
export function rowKind(cells: string[], raw: string[]): RowKind {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== '');
  if (filled.length === 0 || filled.every((c) => PLACEHOLDER.test(c))) return 'blank';
  const first = stripLeadingMarks(filled[0]!);
  if (TOTAL.test(first) && !hasLetter(first.replace(TOTAL, '').replace(/[:：]/g, ''))) return 'total';
  if (cells.length >= 2 && filled.length === 1) {
    const at = cells.findIndex((c) => c.trim() !== '');
    const bold = /^(\*\*|__)[^*_]+\1$/.test((raw[at] ?? '').trim());
    if (bold || Object.keys(scopesInHeading(filled[0]!)).length > 0) return 'group';
  }
  return 'task';
}

/**
 * The label of a group row (`| **Sprint 1** | | |`, or a row that fills the table's group column), or
 * null when the row is not one. The builder and the write path's checks both read group rows here.
 */
export function groupLabel(cells: string[], raw: string[], info: Pick<TableInfo, 'groupColumn'>): string | null {
  if (info.groupColumn !== undefined && filled(cells[info.groupColumn])) return cells[info.groupColumn]!.trim();
  if (info.groupColumn !== undefined || rowKind(cells, raw) !== 'group') return null;
  return cells.find((c) => c.trim() !== '')!.trim();
}

/** A group-header row's scope (`Sprint 1` → sprint 1). */
export function groupRowScope(cell: string): Partial<Scope> {
  return scopesInHeading(cell);
}

/** Cells that name nobody yet: empty, a dash, `TBD`, also with the candidates in brackets (`TBD (@ana or @bo)`). */
const NO_OWNER = /^(?:|-|—|–|\?|n\/a|none|unassigned|tbd|tba)(?:\s*\([^()]*\))?$/i;
/** `Team [lang], [types]`: names in brackets (references a site generator resolves), after at most a one-word label. */
const BRACKETED_NAMES = /^(?:[\p{L}]+\s+)?\[[^[\]]+\](?:\s*,\s*\[[^[\]]+\])*$/u;

export function ownerOf(cell: string | null): string | null {
  if (cell == null) return null;
  const v = cell.trim();
  if (NO_OWNER.test(v)) return null;
  if (BRACKETED_NAMES.test(v))
    return (
      allMatches(/\[([^[\]]+)\]/gu, v)
        .map((m) => m[1]!.trim())
        .filter(Boolean)
        .join(', ') || null
    );
  // `Federico — @fede`: the handle after a dash says again who the name is.
  const handle = HANDLE_AFTER.exec(v);
  return handle && handle.index > 0 ? v.slice(0, handle.index).trim() : v;
}

/** A dash and a handle closing an owner (`Federico — @fede`). */
const HANDLE_AFTER = /\s[—–-]\s+@[\p{L}\p{N}._-]+$/u;

/** `complete - mas`: the status word, then ` - ` and a short name, is the owner when the table has no owner column. */
function ownerInStatus(statusCell: string, vocab: Vocabulary): string | null {
  const reading = vocab.read(statusCell);
  if (reading.status === 'none' || !reading.word) return null;
  const at = statusCell.indexOf(reading.word);
  if (at < 0) return null;
  const m = /^\s+-\s+([\p{L}][\p{L}\p{N}._@ -]{0,23})$/u.exec(statusCell.slice(at + reading.word.length));
  if (!m) return null;
  const name = m[1]!.trim();
  return name.split(/\s+/).length <= 3 ? name : null;
}

export type RowInfo = Pick<TableInfo, 'headers' | 'columns' | 'kind' | 'defaultStatus' | 'numberedNames' | 'codedTitles' | 'states' | 'lanes'>;

/** How a card of a board's lanes is read (read/lane-columns.ts): its lane's cell is its title, and the lane its status. */
export function cardInfo<T extends RowInfo>(info: T, column: number): T {
  return { ...info, columns: { title: column } };
}

/** The fields of a table row task that come from its cells (also used to refresh a row after plan's own edit). */
export function rowFields(
  cells: Span[],
  info: RowInfo,
  display: (span: Span) => string,
  vocab: Vocabulary,
  raw: (span: Span) => string,
): Pick<Task, 'title' | 'status' | 'statusText' | 'owner' | 'notes' | 'priority' | 'fields'> & { numberedId: string | null } {
  const { columns, headers } = info;
  const periodTable = info.kind === 'week';
  const cell = (i: number | undefined): string | null => {
    if (i === undefined) return null;
    const span = cells[i];
    return span ? display(span) : null;
  };
  const statusCell = cell(columns.status);
  const reading = statusCell != null ? vocab.read(statusCell) : null;
  const fields: Record<string, string> = {};
  const used = new Set([...Object.values(columns), ...(info.states ?? []).map((s) => s.column)]);
  // A card's lane is its status; the other cells of its row are other cards, not its fields.
  const lane = info.lanes?.find((l) => l.column === columns.title);
  headers.forEach((h, i) => {
    if (used.has(i) || (periodTable && i === 0) || lane) return;
    const v = cell(i);
    if (v != null) fields[h || `column ${i + 1}`] = v;
  });
  let title = cell(columns.title) ?? '';
  let numberedId: string | null = null;
  // `**Trader NPC** — charming trader, 5 quests`: a bold name, then a dash or a colon, is the title and the rest its
  // notes, as in a list item (`- **5.A Title**: notes`); a bold name with only brackets after it keeps them.
  const lead = columns.title !== undefined && cells[columns.title] ? boldLead(cells[columns.title]!, raw, display) : null;
  if (lead) title = lead.title;
  // `| S25-2 | #11 grid.js — split |`: the id column names the row; an issue number before the name files it in the tracker.
  if (cell(columns.id)?.trim()) title = title.replace(/^#\d{1,7}[ \t]+(?=\S)/u, '');
  const coded = info.codedTitles ? splitNumberedName(title) : null;
  if (coded) {
    numberedId = coded.id;
    title = coded.title;
  }
  if (info.numberedNames) {
    const named = splitNumberedName(cell(columns.id) ?? '');
    if (named) {
      numberedId = named.id;
      if (!title) title = named.title;
    }
  }
  const isStatus = (s: string) => vocab.read(s).status !== 'none';
  const owner =
    ownerOf(cell(columns.owner)) ??
    (columns.owner === undefined && statusCell ? (trailingOwnerMark(statusCell)?.owner ?? ownerInStatus(statusCell, vocab)) : null);
  // With no Status column, a mark closing the title cell (`| 0.1 | Set up CI ✅ |`) is the row's status, as at the end of
  // a list item: `plan set` writes it there.
  const mark = columns.status === undefined && !lane ? titleMark(cells[columns.title ?? -1], raw, vocab) : null;
  // `| Write the spec | | ✓ |` under `| Task | Todo | Done |`: the column that holds the mark says the status.
  const texts = info.states ? cells.map((_, i) => cell(i)) : null;
  const status: Status = lane
    ? lane.status
    : texts
      ? markedStatus(texts, info.states!)
      : reading
        ? cellStatus(reading.status, statusCell!, headers[columns.status!] ?? '', vocab)
        : mark
          ? vocab.read(mark).status
          : columns.status === undefined
            ? info.defaultStatus
              ? (stoppedIn(fields, vocab) ?? info.defaultStatus)
              : 'none'
            : 'none';
  return {
    title: cleanTitle(columns.title !== undefined && cells[columns.title] ? withoutCodedType(title, raw(cells[columns.title]!)) : title, isStatus),
    status,
    statusText: lane ? headers[lane.column]!.trim() : (statusCell ?? mark ?? (texts ? markText(texts, info.states!) : '')),
    owner,
    notes: cell(columns.notes) || lead?.rest || null,
    priority: cell(columns.priority) || null,
    fields,
    numberedId,
  };
}

/** `📝` alone in a status cell: a memo, work written down and not begun (a sprint just planned). */
const MEMO_CELL = /^📝\uFE0F?$/u;

/** Whether a status cell holds only the memo mark: its whole text is the status, for reading and for `set`. */
export function isMemoCell(cell: string): boolean {
  return MEMO_CELL.test(cell.trim());
}

/**
 * The status a cell states. A cross under a header naming the finished state (`| Concluído |` over `❌`) answers
 * no: the work is not done yet (pending), where under `Status` a cross says blocked.
 */
export function cellStatus(read: Status, cell: string, header: string, vocab: Vocabulary): Status {
  if (read === 'none') return isMemoCell(cell) ? 'pending' : read;
  return yesOrNo(cell.trim()) === 'no' && headerStatus(header, vocab) === 'done' ? 'pending' : read;
}

/** The status mark closing a title cell after its words (`Set up CI ✅`), or null. */
function titleMark(span: Span | undefined, raw: (span: Span) => string, vocab: Vocabulary): string | null {
  return span ? (titleCellMark(raw(span), vocab)?.mark ?? null) : null;
}

/** The status mark closing a title cell's text after its words, and its offset there: a row's status with no Status column. */
export function titleCellMark(text: string, vocab: Vocabulary): { mark: string; at: number } | null {
  const found = closingMark(text, vocab);
  return found && hasLetterOrDigit(text.slice(0, found.at)) ? found : null;
}

/** `**Name** — words`, `**Name**: words`, `**Name** (#28) — words` in a cell: the name in bold and the words after the dash or colon, as shown. */
function boldLead(span: Span, raw: (span: Span) => string, display: (span: Span) => string): { title: string; rest: string } | null {
  const m = /^(\s*)(\*\*|__)(?=\S)([^*_|]{1,120}?)(?<=\S)\2(\s*\(#\d+\))?(\s*[:：]\s+|\s+[—–]\s+|\s+-\s+)(?=\S)/u.exec(raw(span));
  if (!m) return null;
  const nameAt = span.start + m[1]!.length + m[2]!.length;
  // A pull-request number after the name (`**Chat sidebar** (#28) — …`) stays with it, as in any title.
  const title = `${display({ start: nameAt, end: nameAt + m[3]!.length }).trim()}${m[4] ?? ''}`;
  const rest = display({ start: span.start + m[0].length, end: span.end }).trim();
  return title && rest ? { title, rest } : null;
}

/**
 * A row of a table whose heading gives its status (`## Done`) that says in a cell of its own that the work
 * was dropped or stopped (`Dropped — too costly`): that word, at the start of the cell, before a dash or colon.
 */
function stoppedIn(fields: Record<string, string>, vocab: Vocabulary): Status | null {
  for (const value of Object.values(fields)) {
    const r = vocab.read(value);
    if ((r.status === 'cancelled' || r.status === 'blocked') && r.word && /^\s*(?:$|[—–:-])/u.test(value.slice(r.end))) return r.status;
  }
  return null;
}

/** A week-table row's id and scope (`| 4-5 | … |` → `W4-5`, weeks 4 to 5). */
export function periodOf(firstCell: string, prefix: string): { id: string | null; value: string | null } {
  const num = /\d+(?:\.\d+)*(?:\s*[-–—]\s*\d+(?:\.\d+)*)?/.exec(firstCell);
  const value = num ? normaliseRange(num[0]) : firstCell.trim() || null;
  return { id: value ? prefix + value : null, value };
}
