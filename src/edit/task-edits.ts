// The edits that change one task: its status (in the file's own style), or
// a cell's text. Pure: text + model in, splice edits out.

import type { Plan, Task, TableInfo } from '../model/types.js';
import type { Span } from '../parse/blocks.js';
import { splitRow } from '../parse/fast.js';
import { DEFAULT_STYLE, leadingSymbol, Vocabulary, type SettableStatus, type Status } from '../status.js';
import type { MojibakeFix } from '../text/mojibake.js';
import { textWidth, codePoints, widthBounds } from '../text/width.js';
import { PlanError, UsageError } from '../errors.js';
import type { Edit } from './splice.js';
import { FileStyle } from './style.js';
import { locateStatus } from './status-text.js';
import { TRAILING_MARKS } from '../model/items.js';
import type { StatusMemory } from './memory.js';

export interface EditContext {
  file: string;
  text: string;
  plan: Plan;
  vocab: Vocabulary;
  style: FileStyle;
  memory: StatusMemory;
  /** Mojibake runs in a string (empty when the file has none). */
  findDamage: (s: string) => MojibakeFix[];
  /** Mojibake repair (identity when the file has none). */
  repair: (s: string) => string;
}

export function makeEditContext(
  file: string,
  text: string,
  plan: Plan,
  memory: StatusMemory,
  findDamage: (s: string) => MojibakeFix[],
  repair: (s: string) => string,
): EditContext {
  const vocab = Vocabulary.of(plan.statusExtension);
  // Status cells repeat (`✅ Complete` a thousand times): read each text once.
  const seen = new Map<string, ReturnType<typeof locateStatus>>();
  const learnTask = (t: Task, style: FileStyle) => {
    const src = t.source;
    if (src.type === 'row') {
      const cell = src.columns.status !== undefined ? src.cells[src.columns.status] : undefined;
      if (!cell) return;
      const raw = text.slice(cell.start, cell.end);
      let p = seen.get(raw);
      if (!p) seen.set(raw, (p = locateStatus(raw, vocab, findDamage(raw))));
      if (p.status !== 'none') {
        style.add(p.status, { text: repair(raw.slice(p.start, p.end)), emoji: p.emoji, word: p.word, table: src.table });
      }
    } else if (src.type === 'item' && src.statusMark) {
      // The mark's own status: in `- [x] 🔄 …` the task is done by its box, but 🔄 is not how the file writes done.
      const emoji = text.slice(src.statusMark.start, src.statusMark.end);
      const status = vocab.emojiStatus(emoji)?.status;
      if (status) style.add(status, { text: emoji, emoji, word: null, table: -1 });
    }
  };
  const style = new FileStyle((table, style) => {
    if (table !== null) {
      const info = plan.tables[table];
      if (info) for (let i = info.firstTask; i < info.firstTask + info.taskCount; i++) learnTask(plan.tasks[i]!, style);
      return;
    }
    for (const t of plan.tasks) if (t.source.type !== 'row' || !style.hasLearnt(t.source.table)) learnTask(t, style);
  });
  return { file, text, plan, vocab, style, memory, findDamage, repair };
}

export function taskKey(t: Task): string {
  return `${t.id}@${t.line}`;
}

/** Rejects values that cannot live in one table cell or list item line. */
export function checkValue(value: string, what: string): void {
  if (/[\r\n]/.test(value)) throw new UsageError(`${what} cannot contain a line break; give it on one line`);
}

/** Escapes text for its place: `|` becomes `\|` in a table cell. */
export function escapeFor(t: Task, value: string): string {
  return t.source.type === 'row' ? value.replace(/(?<!\\)\|/g, '\\|') : value;
}

/** Checks the model's spans against the text before editing (a stale model must never cause a wrong edit). */
export function verifyTask(ec: EditContext, t: Task): void {
  const src = t.source;
  const fail = () => {
    throw new PlanError(`${ec.file}: the file does not match what plan read for task ${t.id}; nothing was written, run the command again`);
  };
  if (src.type === 'row') {
    if (src.row.end > ec.text.length) fail();
    const again = splitRow(ec.text, src.row.start, src.row.end);
    if (again.cells.length !== src.cells.length) fail();
    again.cells.forEach((c, i) => {
      if (c.start !== src.cells[i]!.start || c.end !== src.cells[i]!.end) fail();
    });
  } else if (src.type === 'item') {
    if (src.checkbox && !/^\[[ xX\-/~>!?]\]$/.test(ec.text.slice(src.checkbox.start, src.checkbox.end))) fail();
    if (src.text.end > ec.text.length) fail();
  } else {
    if (src.heading.end > ec.text.length || !/^ {0,3}#/.test(ec.text.slice(src.heading.start, src.heading.end))) fail();
    if (src.status && src.status.end > ec.text.length) fail();
  }
}

export interface StatusChange {
  edits: Edit[];
  from: Status;
  to: SettableStatus;
  /** The task's status text after the change, as `list` would show it. */
  statusText: string;
}

export function setStatusEdits(ec: EditContext, t: Task, to: SettableStatus): StatusChange {
  verifyTask(ec, t);
  if (t.status === to) return { edits: [], from: t.status, to, statusText: t.statusText };
  if (t.source.type === 'heading') return headingStatus(ec, t, to);
  return t.source.type === 'row' ? rowStatus(ec, t, to) : itemStatus(ec, t, to);
}

/**
 * A heading task's status is written where the file wrote it: its mark
 * (`### AC-1 ✅`), its bracketed words (`(IN PROGRESS)`), a `**Status**:` line
 * below it or a ledger row's cell. A mark stays a mark, words stay words.
 */
function headingStatus(ec: EditContext, t: Task, to: SettableStatus): StatusChange {
  const src = t.source as Extract<Task['source'], { type: 'heading' }>;
  if (!src.status) {
    throw new PlanError(`${ec.file}:${t.line}: task ${t.id} is a heading with no status written in it or under it; add one (e.g. a \`**Status**: pending\` line) first`);
  }
  return phraseStatus(ec, t, to, src.status);
}

/**
 * Replaces the status phrase written at `span` (a heading's mark or words, a
 * `Status:` value, a ledger cell, an item's trailing `✅` or `— cancelled`):
 * a mark stays a mark, words stay words in the same case; setting back restores
 * the exact text plan replaced.
 */
function phraseStatus(ec: EditContext, t: Task, to: SettableStatus, span: Span): StatusChange {
  const old = ec.text.slice(span.start, span.end);
  const key = taskKey(t);
  const fresh = ec.memory.recall(key, to, old) ?? restyle(ec, old, to);
  ec.memory.remember(key, t.status, old, old, fresh);
  const edit: Edit = { start: span.start, end: span.end, expect: old, text: fresh };
  return { edits: [edit], from: t.status, to, statusText: ec.repair(fresh) };
}

/** `✓ (complete)` → `⏳ (pending)`, `🔄 IN PROGRESS` → `✅ DONE`, `cancelled` → `done`: the same shape, another status. */
function restyle(ec: EditContext, old: string, to: SettableStatus): string {
  const mark = leadingSymbol(old.trimStart());
  const rest = mark ? old.trimStart().slice(mark.length) : old;
  const words = rest.replace(/^[\s\uFE0F]+/, '');
  const paren = /^\((.*)\)\s*$/.exec(words);
  const said = paren ? paren[1]! : words;
  let label = DEFAULT_STYLE[to].label;
  if (/\p{L}/u.test(said) && said === said.toUpperCase()) label = label.toUpperCase();
  else if (/\p{L}/u.test(said) && said === said.toLowerCase()) label = label.toLowerCase();
  const text = said === '' ? '' : paren ? `(${label})` : label;
  const sep = mark && text ? rest.slice(0, rest.length - words.length) || ' ' : '';
  return `${mark ? markFor(ec, to) : ''}${sep}${text}` || label;
}

/** The file's mark for a status where a mark alone must say it: a strong one that reads so at the end of a line too. */
function markFor(ec: EditContext, to: SettableStatus): string {
  const emoji = ec.style.emojiFor(to);
  const bare = emoji.replace('\uFE0F', '');
  return ec.vocab.emojiStatus(emoji)?.strong && TRAILING_MARKS.has(bare) ? emoji : DEFAULT_STYLE[to].emoji;
}

function rowStatus(ec: EditContext, t: Task, to: SettableStatus): StatusChange {
  const src = t.source as Extract<Task['source'], { type: 'row' }>;
  const col = src.columns.status;
  if (col === undefined) throw new PlanError(`${ec.file}:${t.line}: task ${t.id} is in a table without a Status column; add one, or use \`plan edit\``);
  const cell = src.cells[col];
  if (!cell) throw new PlanError(`${ec.file}:${t.line}: task ${t.id}'s row has no Status cell (it has ${src.cells.length} cells); complete the row first`);
  const raw = ec.text.slice(cell.start, cell.end);
  const portion = locateStatus(raw, ec.vocab, ec.findDamage(raw));
  const key = taskKey(t);
  const fresh = ec.style.textFor(to, src.table);
  let change: { edit: Edit; newCell: string };
  if (portion.status === 'none') {
    // Text that is not a status stays in the cell, after the new status.
    change = cellSplice(ec, src.table, cell, 0, 0, raw === '' ? fresh : `${fresh} — `);
  } else {
    change = cellSplice(ec, src.table, cell, portion.start, portion.end, fresh);
    // The memory keeps the whole tail the edit replaces (status text, rest of
    // the cell, padding up to the pipe), so setting the task back restores the
    // row exactly, even where the table's alignment was ambiguous.
    const { start, end, expect: tail } = change.edit;
    const recalled = ec.memory.recall(key, to, tail);
    if (recalled !== undefined) {
      change = { edit: { start, end, expect: tail, text: recalled }, newCell: raw.slice(0, portion.start) + recalled.replace(/ +$/, '') };
    }
    ec.memory.remember(key, portion.status, tail, tail, change.edit.text);
  }
  return { edits: [change.edit], from: t.status, to, statusText: ec.repair(change.newCell) };
}

/**
 * Where a cell's text goes: its trimmed inside, or, for an empty cell, one
 * space after the pipe before it, so `| |` becomes `| text |` and the spaces
 * of an empty cell in an aligned table become its padding.
 */
export function cellSlot(text: string, cell: Span): Span {
  if (cell.start !== cell.end) return cell;
  let s = cell.start;
  while (s > 0 && text[s - 1] === ' ') s--;
  const at = s < cell.start ? s + 1 : s;
  return { start: at, end: at };
}

/**
 * One edit that writes `value` over [from, to) of a cell's text and keeps the
 * row's layout: at least one space before the next pipe, and in an aligned
 * table the pipe where it was whenever the new text fits the column (the
 * padding after the cell absorbs the change).
 */
function cellSplice(ec: EditContext, table: number, cell: Span, from: number, to: number, value: string): { edit: Edit; newCell: string } {
  const text = ec.text;
  const slot = cellSlot(text, cell);
  const raw = text.slice(slot.start, slot.end);
  const newCell = raw.slice(0, from) + value + raw.slice(to);
  // `||`: an empty cell without spaces gets one before its text too.
  const lead = raw === '' && value !== '' && text[slot.start - 1] === '|' ? ' ' : '';
  let j = slot.end;
  while (text[j] === ' ') j++;
  let next = 0;
  if (text[j] === '|') {
    const pad = j - slot.end;
    next = pad;
    const info = ec.plan.tables[table];
    const measure = info ? tableAlignment(ec, info) : null;
    if (measure) {
      const fit = pad - (measure(lead + newCell) - measure(raw));
      if (fit >= 1) next = fit;
    }
    if (next === 0 && newCell !== '') next = 1;
  } else {
    j = slot.end; // the row's last cell without a closing pipe: leave what follows
  }
  const start = slot.start + from;
  return { edit: { start, end: j, expect: text.slice(start, j), text: lead + value + raw.slice(to) + ' '.repeat(next) }, newCell };
}

/** How the table's lines are aligned (by code points or display width), or null. */
export function tableAlignment(ec: EditContext, info: TableInfo): ((s: string) => number) | null {
  const lines: string[] = [ec.text.slice(info.header.start, info.header.end), ec.text.slice(info.delimiter.start, info.delimiter.end).trim()];
  for (let i = info.firstTask; i < info.firstTask + info.taskCount; i++) {
    const src = ec.plan.tasks[i]?.source;
    if (src?.type === 'row') lines.push(ec.text.slice(src.row.start, src.row.end));
  }
  if (lines.length < 3) return null;
  // Display width first: where no line holds a wide character both measures
  // agree, and a table aligned for the eye stays so once an emoji is written.
  // It is measured only when the lines can be equally wide at all.
  for (const m of sameWidthPossible(lines) ? [textWidth, codePoints] : [codePoints]) {
    const w = m(lines[0]!);
    if (lines.every((l) => m(l) === w)) return m;
  }
  return null;
}

/** Whether some display width lies within every line's bounds. */
function sameWidthPossible(lines: string[]): boolean {
  let low = 0;
  let high = Infinity;
  for (const l of lines) {
    const [lo, hi] = widthBounds(l);
    low = Math.max(low, lo);
    high = Math.min(high, hi);
  }
  return low <= high;
}

function itemStatus(ec: EditContext, t: Task, to: SettableStatus): StatusChange {
  const src = t.source as Extract<Task['source'], { type: 'item' }>;
  // A status written after the title (`… ✅`, `— cancelled`) is changed where it is, not doubled at the front.
  if (!src.checkbox && !src.statusMark && src.statusTail) return phraseStatus(ec, t, to, src.statusTail);
  const text = ec.text;
  const edits: Edit[] = [];
  const key = taskKey(t);
  // The item's status-bearing prefix as it stands: checkbox and mark.
  const box = src.checkbox ? text.slice(src.checkbox.start, src.checkbox.end) : '';
  const markEnd = src.statusMark ? skipSpaces(text, src.statusMark.end) : src.text.start;
  const mark = src.statusMark ? text.slice(src.statusMark.start, markEnd) : '';
  const current = `${box}${mark}`;
  const recalled = ec.memory.recall(key, to, current);
  let newBox = box;
  let newMark: string;
  if (src.checkbox) {
    newBox = to === 'done' ? (box === '[X]' ? '[X]' : '[x]') : to === 'cancelled' && box === '[-]' ? '[-]' : '[ ]';
    newMark = to === 'done' || to === 'pending' ? '' : `${ec.style.emojiFor(to)} `;
  } else {
    newMark = `${ec.style.emojiFor(to)} `;
  }
  if (recalled !== undefined) {
    newBox = src.checkbox ? recalled.slice(0, 3) : '';
    newMark = recalled.slice(newBox.length);
  }
  if (src.checkbox && newBox !== box) {
    edits.push({ start: src.checkbox.start, end: src.checkbox.end, expect: box, text: newBox });
  }
  if (newMark !== mark) {
    const at = src.statusMark ? src.statusMark.start : src.text.start;
    edits.push({ start: at, end: src.statusMark ? markEnd : at, expect: mark, text: newMark });
  }
  ec.memory.remember(key, t.status, current, current, `${newBox}${newMark}`);
  const shown = [newBox, newMark.trim()].filter(Boolean).join(' ');
  return { edits, from: t.status, to, statusText: ec.repair(shown) };
}

function skipSpaces(text: string, at: number): number {
  while (text[at] === ' ') at++;
  return at;
}

/** Edits that replace one cell of a row task (title, owner, notes, …). */
export function cellEdit(ec: EditContext, t: Task, role: 'title' | 'owner' | 'notes' | 'priority', value: string): Edit | null {
  verifyTask(ec, t);
  checkValue(value, `the ${role}`);
  const src = t.source;
  if (src.type !== 'row') return null;
  const col = src.columns[role];
  if (col === undefined) return null;
  const cell = src.cells[col];
  if (!cell) throw new PlanError(`${ec.file}:${t.line}: task ${t.id}'s row has no ${role} cell; complete the row first`);
  const raw = ec.text.slice(cell.start, cell.end);
  const next = escapeFor(t, value.trim());
  if (raw === next) return null;
  return cellSplice(ec, src.table, cell, 0, raw.length, next).edit;
}
