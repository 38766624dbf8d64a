// Writing a task's due date, priority and tags (`plan add`/`plan edit --due
// --priority --tag --untag`) in the notation the file already uses: a table's
// Due, Priority and Tags cells (never a column the table lacks); on a list
// item, the notation of its own marks, else the file's (Obsidian Tasks'
// `📅 2025-03-14` and `⏫`, todo.txt's `due:2025-03-14` and `(A)`), else
// Obsidian's. What was written is read back: the task must read with its new
// fields and every other task as before, or nothing is written.

import { buildFromText } from '../load/load.js';
import { idKey } from '../read/ids.js';
import { dateKindOf, estimateOf, isEstimateKey, isTagKey, KEY_VALUE, PRIORITY_MARK, TODO_PRIORITY, todoTxtStyle } from '../read/fields.js';
import { trailingOwnerMark } from '../read/owner-mark.js';
import { PRIORITY_EMOJI, PRIORITY_LEVELS, priorityLevel } from '../read/priority.js';
import type { PriorityLevel, Plan, TableInfo, Task } from '../model/types.js';
import { dateArgument, todayIso } from '../query/filter.js';
import { PlanError, UsageError } from '../system/errors.js';
import { escapeCell } from '../text/plain.js';
import { cellSplice } from './layout.js';
import { applyEdits, type Edit } from './splice.js';
import type { EditContext } from './task-edits.js';
import { checklistHeadsAbove, onlyChecklistMoved, verifyTask } from './verify.js';
import { dateLike } from './date-format.js';

/** The fields a write sets, parsed: a due date ('' removes it), a priority level ('' removes it), tags to add and to remove. */
export interface FieldChanges {
  due?: string;
  priority?: PriorityLevel | '';
  tag?: string[];
  untag?: string[];
  /** The ids the task depends on, as given (none: remove them all). */
  depends?: string[];
  /** An estimate as written (`3d`, `5 pts`), '' to remove it. */
  estimate?: string;
}

/** The fields as given on the command line or to the MCP server: text, tags comma-separated. */
export interface FieldArgs {
  due?: string;
  priority?: string;
  tag?: string;
  untag?: string;
  /** Comma-separated ids. */
  depends?: string;
  estimate?: string;
}

const LEVEL_WORDS: Record<PriorityLevel, string> = { highest: 'Highest', high: 'High', medium: 'Medium', low: 'Low', lowest: 'Lowest' };
const EMOJI_OF = Object.fromEntries(Object.entries(PRIORITY_EMOJI).map(([e, l]) => [l, e])) as Record<PriorityLevel, string>;
/** A tag a `#tag` reads back as (fields.ts HASH_TAG): a letter or `_` first, no `/` or `-` last. */
const TAG_WORD = /^[\p{L}_](?:[\p{L}\p{N}_/-]*[\p{L}\p{N}_])?$/u;

/** Parses the field arguments: dates unambiguous (YYYY-MM-DD, today, tomorrow, +3d), a known priority, one-word tags. */
export function parseFieldArgs(a: FieldArgs): FieldChanges {
  const out: FieldChanges = {};
  if (a.due !== undefined) out.due = dateArgument(a.due);
  if (a.priority !== undefined) {
    const level = a.priority.trim() === '' ? '' : priorityLevel(a.priority);
    if (level === null) {
      throw new UsageError(`--priority takes ${PRIORITY_LEVELS.join(', ')} (or P0-P4, (A)-(E), ⏫), or "" to remove it, not "${a.priority}"`);
    }
    out.priority = level;
  }
  for (const key of ['tag', 'untag'] as const) {
    const value = a[key];
    if (value === undefined) continue;
    const tags = value
      .split(',')
      .map((t) => t.trim().replace(/^#/, ''))
      .filter(Boolean);
    const bad = tags.find((t) => !TAG_WORD.test(t));
    if (bad !== undefined) throw new UsageError(`--${key} takes one-word tags (letters, digits, _ / -, starting with a letter), not "${bad}"`);
    if (tags.length) out[key] = tags;
  }
  if (a.depends !== undefined) {
    out.depends = a.depends
      .split(',')
      .map((d) => d.trim())
      .filter(Boolean);
    const bad = out.depends.find((d) => /[\s|]/.test(d));
    if (bad !== undefined) throw new UsageError(`--depends takes task ids separated by commas (1.2,1.3), not "${bad}"`);
  }
  if (a.estimate !== undefined) {
    const e = a.estimate.trim();
    if (e !== '' && !estimateOf(e))
      throw new UsageError(`--estimate takes a number with an optional unit (3d, 4h, 2w, 30min, 5 pts), or "" to remove it, not "${a.estimate}"`);
    out.estimate = e;
  }
  return out;
}

export function hasFieldChanges(c: FieldChanges): boolean {
  return c.due !== undefined || c.priority !== undefined || !!c.tag?.length || !!c.untag?.length || c.depends !== undefined || c.estimate !== undefined;
}

type ColumnField = 'due' | 'priority' | 'tags' | 'depends' | 'estimate';

/** The index of a table's column holding the due date, the priority, the tags, the dependencies or the estimate. */
function fieldColumn(info: TableInfo, field: ColumnField): number | undefined {
  if (field === 'priority' || field === 'depends') return info.columns[field];
  const holds = (h: string) => (field === 'due' ? dateKindOf(h) === 'due' : field === 'tags' ? isTagKey(h) : isEstimateKey(h));
  const at = info.headers.findIndex(holds);
  return at < 0 ? undefined : at;
}

const COLUMN_NAME = { due: 'Due', priority: 'Priority', tags: 'Tags', depends: 'Depends', estimate: 'Estimate' } as const;

/** The one-line refusal for a field the table has no column for. */
function noColumn(ec: EditContext, line: number, who: string, field: ColumnField): PlanError {
  const flag = field === 'tags' ? '--tag' : `--${field}`;
  return new PlanError(`${ec.file}:${line}: ${who} table has no ${COLUMN_NAME[field]} column; add one, or leave out ${flag}; nothing was written`);
}

/** The priority in the words a table already uses: a cell of that level as written, else the form its cells take (P1, (B), HIGH). */
function priorityText(ec: EditContext, table: number, level: PriorityLevel): string {
  const examples: string[] = [];
  const own: string[] = [];
  for (const t of ec.plan.tasks) {
    const s = t.source;
    if (s.type !== 'row' || s.columns.priority === undefined) continue;
    const cell = s.cells[s.columns.priority];
    const raw = cell ? ec.text.slice(cell.start, cell.end).trim() : '';
    if (raw && priorityLevel(raw)) (s.table === table ? own : examples).push(raw);
  }
  const all = [...own, ...examples];
  const same = all.find((raw) => priorityLevel(raw) === level);
  if (same !== undefined) return same;
  const i = PRIORITY_LEVELS.indexOf(level);
  const p = all.find((raw) => /^P[0-4]$/i.test(raw));
  if (p) return `${p[0]}${i}`;
  const letter = all.find((raw) => /^\(?[A-E]\)?$/.test(raw));
  if (letter) return letter.replace(/[A-E]/, String.fromCharCode(65 + i));
  if (all.length && all.every((raw) => /^[🔺⏫🔼🔽⏬]\uFE0F?$/u.test(raw))) return EMOJI_OF[level];
  const word = LEVEL_WORDS[level];
  const letters = all.filter((raw) => /\p{L}/u.test(raw));
  if (letters.length && letters.every((raw) => raw === raw.toUpperCase())) return word.toUpperCase();
  if (letters.length && letters.every((raw) => raw === raw.toLowerCase())) return word.toLowerCase();
  return word;
}

/** A Tags cell with tags added (after the others, in the column's separator and sigil) and removed. */
function tagCell(ec: EditContext, info: TableInfo, col: number, raw: string, add: string[], remove: string[]): string {
  const cells: string[] = [];
  for (const t of ec.plan.tasks) {
    const s = t.source;
    if (s.type === 'row' && ec.plan.tables[s.table] === info && s.cells[col]) cells.push(ec.text.slice(s.cells[col]!.start, s.cells[col]!.end));
  }
  const many = cells.filter((c) => /[,;\s]/.test(c.trim()));
  const sep = many.length === 0 || many.some((c) => c.includes(',')) ? ', ' : many.some((c) => c.includes(';')) ? '; ' : ' ';
  const sigil = cells.some((c) => /(?:^|[\s,;])#\p{L}/u.test(c)) ? '#' : '';
  const gone = new Set(remove.map((t) => t.toLowerCase()));
  let tokens = raw.split(/[,;\s]/).filter(Boolean);
  const bare = (t: string) =>
    t
      .replace(/^[#+@]/, '')
      .replace(/[`*_]/g, '')
      .toLowerCase();
  let out = raw;
  if (tokens.some((t) => gone.has(bare(t)))) {
    tokens = tokens.filter((t) => !gone.has(bare(t)));
    out = tokens.join(sep);
  }
  const have = new Set(tokens.map(bare));
  for (const tag of add) {
    if (have.has(tag.toLowerCase())) continue;
    have.add(tag.toLowerCase());
    out = out.trim() ? `${out.trimEnd()}${sep}${sigil}${escapeCell(tag)}` : `${sigil}${escapeCell(tag)}`;
  }
  return out;
}

/** The non-empty cells of a table's column, in file order. */
function columnCells(ec: EditContext, info: TableInfo, col: number): string[] {
  const out: string[] = [];
  for (const t of ec.plan.tasks) {
    const s = t.source;
    if (s.type !== 'row' || ec.plan.tables[s.table] !== info || !s.cells[col]) continue;
    const raw = ec.text.slice(s.cells[col]!.start, s.cells[col]!.end).trim();
    if (raw) out.push(raw);
  }
  return out;
}

/** The ids as the plan writes them; refuses one no task has, one several tasks share, and the task itself. */
function dependencyIds(ec: EditContext, ids: readonly string[], self: Task | null): string[] {
  return ids.map((id) => {
    const same = ec.plan.tasks.filter((t) => t.idFromFile && idKey(t.id) === idKey(id));
    if (same.length === 0) throw new PlanError(`${ec.file}: --depends names "${id}", and no task has that id; check with \`plan list\`; nothing was written`);
    if (same.length > 1)
      throw new PlanError(
        `${ec.file}: --depends names "${id}", which ${same.length} tasks share (lines ${same.map((t) => t.line).join(', ')}); nothing was written`,
      );
    if (self && same[0] === self) throw new PlanError(`${ec.file}:${self.line}: task ${self.id} cannot depend on itself; nothing was written`);
    return same[0]!.id;
  });
}

/** A Depends cell listing `ids`, separated as the column's other cells are (`1.1, 1.2`, `1.1,1.2`, `1.1 1.2`). */
function dependsCell(ec: EditContext, info: TableInfo, col: number, ids: readonly string[]): string {
  let sep = ', ';
  for (const t of ec.plan.tasks) {
    const s = t.source;
    if (s.type !== 'row' || ec.plan.tables[s.table] !== info || !s.cells[col]) continue;
    const raw = ec.text.slice(s.cells[col]!.start, s.cells[col]!.end).trim();
    const m = /[^\s,;](,[ \t]*|;[ \t]*|[ \t]+)(?=[^\s,;])/.exec(raw);
    if (m) {
      sep = m[1]!.trim() ? m[1]! : ' ';
      break;
    }
  }
  return ids.map(escapeCell).join(sep);
}

/** The cells of a new row (`plan add`) that hold the fields, by column; refuses a field the table has no column for. */
export function rowFieldValues(ec: EditContext, info: TableInfo, c: FieldChanges, values: (string | null)[]): void {
  const at = (field: ColumnField) => {
    const col = fieldColumn(info, field);
    if (col === undefined) throw noColumn(ec, info.line, 'the', field);
    return col;
  };
  if (c.due) values[at('due')] = dateLike(c.due, columnCells(ec, info, at('due')), ec.plan.dates?.dayFirst ?? null);
  if (c.priority) values[at('priority')] = escapeCell(priorityText(ec, ec.plan.tables.indexOf(info), c.priority));
  if (c.tag?.length) {
    const col = at('tags');
    values[col] = tagCell(ec, info, col, '', c.tag, []);
  }
  if (c.depends?.length) {
    const col = at('depends');
    values[col] = dependsCell(ec, info, col, dependencyIds(ec, c.depends, null));
  }
  if (c.estimate) values[at('estimate')] = escapeCell(c.estimate);
}

/** The cell edits that write the fields into a row task's Due, Priority and Tags cells. */
export function rowFieldEdits(ec: EditContext, t: Task, c: FieldChanges): Edit[] {
  verifyTask(ec, t);
  const src = t.source;
  if (src.type !== 'row') throw new Error('rowFieldEdits on an item');
  const info = ec.plan.tables[src.table]!;
  const edits: Edit[] = [];
  const write = (field: ColumnField, value: (raw: string) => string) => {
    const col = fieldColumn(info, field);
    if (col === undefined) throw noColumn(ec, t.line, `task ${t.id}'s`, field);
    const cell = src.cells[col];
    if (!cell) throw new PlanError(`${ec.file}:${t.line}: task ${t.id}'s row has no ${COLUMN_NAME[field]} cell; complete the row first`);
    const raw = ec.text.slice(cell.start, cell.end);
    const next = value(raw);
    if (next !== raw) edits.push(cellSplice(ec, src.table, cell, 0, raw.length, next).edit);
  };
  if (c.due !== undefined)
    write('due', () => (c.due ? dateLike(c.due, columnCells(ec, info, fieldColumn(info, 'due')!), ec.plan.dates?.dayFirst ?? null) : ''));
  if (c.priority !== undefined) {
    const level = c.priority;
    write('priority', (raw) => (level === '' ? '' : priorityLevel(raw) === level ? raw : escapeCell(priorityText(ec, src.table, level))));
  }
  if (c.tag?.length || c.untag?.length) write('tags', (raw) => tagCell(ec, info, fieldColumn(info, 'tags')!, raw, c.tag ?? [], c.untag ?? []));
  if (c.depends !== undefined) {
    const ids = dependencyIds(ec, c.depends, t);
    write('depends', (raw) => (sameIds(raw, ids) ? raw : dependsCell(ec, info, fieldColumn(info, 'depends')!, ids)));
  }
  if (c.estimate !== undefined) write('estimate', (raw) => (raw.trim() === c.estimate ? raw : escapeCell(c.estimate!)));
  return edits;
}

/** Whether a cell already lists exactly these ids (then it is left as written). */
function sameIds(raw: string, ids: readonly string[]): boolean {
  const have = raw.split(/[,;\s]+/).filter(Boolean);
  return have.length === ids.length && have.every((h, i) => idKey(h) === idKey(ids[i]!));
}

/** The refusal for --depends and --estimate on a list item: they are written in a table's cells. */
function noItemCells(ec: EditContext, line: number, c: FieldChanges): void {
  const flag = c.depends !== undefined ? '--depends' : c.estimate !== undefined ? '--estimate' : null;
  if (flag)
    throw new PlanError(
      `${ec.file}:${line}: ${flag} writes a table's ${flag === '--depends' ? 'Depends' : 'Estimate'} cell, and this task is a list item; write it by hand; nothing was written`,
    );
}

// ---- list items ---------------------------------------------------------------

interface Notation {
  obsidianDue: number;
  todoDue: number;
  obsidianPriority: number;
  todoPriority: number;
}

/** How the file's items write due dates and priorities, counted. */
function notationOf(ec: EditContext): Notation {
  const n: Notation = { obsidianDue: 0, todoDue: 0, obsidianPriority: 0, todoPriority: 0 };
  for (const t of ec.plan.tasks) {
    if (t.source.type !== 'item') continue;
    const own = ec.text.slice(t.source.text.start, t.source.text.end);
    if (/(?:📅|📆|🗓)\uFE0F?[ \t]*\d{4}-\d{2}-\d{2}/u.test(own)) n.obsidianDue++;
    if (/(?:^|\s)due:\d{4}-\d{2}-\d{2}/iu.test(own)) n.todoDue++;
    if (new RegExp(PRIORITY_MARK.source, 'u').test(own)) n.obsidianPriority++;
    if (TODO_PRIORITY.test(own.replace(/^\s+/, ''))) n.todoPriority++;
  }
  return n;
}

/** Where an item's own words start: after its box and status mark. */
export function itemRegionStart(ec: EditContext, t: Task): number {
  const src = t.source;
  if (src.type !== 'item') throw new Error('itemRegionStart on a row');
  let start = src.statusMark ? src.statusMark.end : src.text.start;
  while (ec.text[start] === ' ' || ec.text[start] === '\t') start++;
  return start;
}

/** The end of an item's description: before its first field mark (a signifier, a priority, `due:`, `🔁`, a block id). */
function descriptionEnd(core: string): number {
  const marks = [/(?<=^|\s)(?:📅|📆|🗓|⏳|⌛|🛫|➕|✅|❌|🔺|⏫|🔼|🔽|⏬|🔁|🆔|⛔)/u, new RegExp(KEY_VALUE.source, 'iu'), /(?<=\s)\^[\w-]+\s*$/u];
  let end = core.trimEnd().length;
  for (const re of marks) {
    const m = re.exec(core);
    if (m && m.index > 0 && m.index < end) end = m.index;
  }
  while (end > 0 && /\s/.test(core[end - 1]!)) end--;
  return end;
}

function insertAt(core: string, at: number, piece: string): string {
  return `${core.slice(0, at)} ${piece}${core.slice(at)}`;
}

/** Removes a match and the blank before it (after it, at the start). */
function cut(core: string, m: RegExpExecArray): string {
  let from = m.index;
  let to = m.index + m[0].length;
  if (from > 0) while (from > 0 && /[ \t]/.test(core[from - 1]!)) from--;
  else while (to < core.length && /[ \t]/.test(core[to]!)) to++;
  return core.slice(0, from) + core.slice(to);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * An item's words (from itemRegionStart to the end of its text) with the fields
 * written in: a mark already there is changed where it is, a new one goes where
 * Obsidian Tasks puts it (tags and priority after the description, the due date
 * after the other dates but a done date), before a closing `@owner` or status.
 */
export function itemFieldText(ec: EditContext, t: Task, words: string, c: FieldChanges): string {
  const src = t.source;
  if (src.type !== 'item') throw new Error('itemFieldText on a row');
  noItemCells(ec, t.line, c);
  const start = itemRegionStart(ec, t);
  // A closing owner mark and a status after the title stay last.
  let end = words.length;
  const owner = trailingOwnerMark(words);
  if (owner) end = owner.start;
  if (src.statusTail && src.statusTail.start >= start && src.statusTail.start - start < end) end = src.statusTail.start - start;
  while (end > 0 && /\s/.test(words[end - 1]!)) end--;
  let core = words.slice(0, end);
  const rest = words.slice(end);
  const todo = todoTxtStyle(core);
  let notation: Notation | null = null;
  const file = () => (notation ??= notationOf(ec));

  for (const tag of c.untag ?? []) {
    const re = new RegExp(`(?<=^|\\s)${todo ? '[#+@]' : '#'}${escapeRe(tag)}(?![\\p{L}\\p{N}_/-])`, 'iu');
    for (let m = re.exec(core); m; m = re.exec(core)) core = cut(core, m);
  }
  for (const tag of c.tag ?? []) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}_&#/])[#${todo ? '+@' : ''}]${escapeRe(tag)}(?![\\p{L}\\p{N}_/-])`, 'iu');
    if (!re.test(core)) core = insertAt(core, descriptionEnd(core), `${todo ? '+' : '#'}${tag}`);
  }
  if (c.priority !== undefined) {
    const level = c.priority;
    const emoji = new RegExp(PRIORITY_MARK.source, 'u').exec(core);
    const letter = TODO_PRIORITY.exec(core);
    if (emoji) core = level === '' ? cut(core, emoji) : core.slice(0, emoji.index) + EMOJI_OF[level] + core.slice(emoji.index + emoji[0].length);
    else if (letter) core = level === '' ? core.slice(letter[0].length) : `(${String.fromCharCode(65 + PRIORITY_LEVELS.indexOf(level))})${core.slice(3)}`;
    else if (level !== '') {
      const n = file();
      if (todo || n.todoPriority > n.obsidianPriority) core = `(${String.fromCharCode(65 + PRIORITY_LEVELS.indexOf(level))}) ${core}`;
      else core = insertAt(core, descriptionEnd(core), EMOJI_OF[level]);
    }
  }
  if (c.due !== undefined) {
    const due = c.due;
    const sign = /(📅|📆|🗓)(\uFE0F?[ \t]*)(\d{4}-\d{2}-\d{2})(?!\d)/u.exec(core);
    const key = /(?<=^|\s)(due:)(\d{4}-\d{2}-\d{2})(?=\s|$)/iu.exec(core);
    if (sign) core = due === '' ? cut(core, sign) : core.slice(0, sign.index) + sign[1] + sign[2] + due + core.slice(sign.index + sign[0].length);
    else if (key) core = due === '' ? cut(core, key) : core.slice(0, key.index) + key[1] + due + core.slice(key.index + key[0].length);
    else if (due !== '') {
      const n = file();
      const useKey = todo || n.todoDue > n.obsidianDue;
      // After the other dates, before the done (✅) or cancelled (❌) date and a block id.
      const closing = /(?<=\s)(?:(?:✅|❌)\uFE0F?[ \t]*\d{4}-\d{2}-\d{2}|\^[\w-]+\s*$)/u.exec(core);
      let at = closing ? closing.index : core.length;
      while (at > 0 && /\s/.test(core[at - 1]!)) at--;
      core = insertAt(core, at, useKey ? `due:${due}` : `📅 ${due}`);
    }
  }
  return core + rest;
}

/** The marks a new item (`plan add`) carries for the fields, in the file's notation: a todo.txt `(A) ` before its words, the rest after. */
export function newItemMarks(ec: EditContext, c: FieldChanges, line: number): { lead: string; trail: string } {
  noItemCells(ec, line, c);
  const n = notationOf(ec);
  const todo = n.todoPriority + n.todoDue > n.obsidianPriority + n.obsidianDue;
  const trail: string[] = (c.tag ?? []).map((t) => `${todo ? '+' : '#'}${t}`);
  let lead = '';
  if (c.priority) {
    const letter = `(${String.fromCharCode(65 + PRIORITY_LEVELS.indexOf(c.priority))}) `;
    if (n.todoPriority > n.obsidianPriority) lead = letter;
    else trail.push(EMOJI_OF[c.priority]);
  }
  if (c.due) trail.push(n.todoDue > n.obsidianDue ? `due:${c.due}` : `📅 ${c.due}`);
  return { lead, trail: trail.join(' ') };
}

// ---- done dates (Obsidian Tasks' `✅ 2025-03-14`) -------------------------------

const DONE_DATE = /(?<![ \t])[ \t]+✅\uFE0F?[ \t]*\d{4}-\d{2}-\d{2}(?!\d)/u;
const doneHabit = new WeakMap<EditContext, boolean>();

/** Whether the file writes done dates on its done items: most of its done list items carry `✅ YYYY-MM-DD`. */
function writesDoneDates(ec: EditContext): boolean {
  let habit = doneHabit.get(ec);
  if (habit === undefined) {
    let done = 0;
    let dated = 0;
    for (const t of ec.plan.tasks) {
      if (t.source.type !== 'item' || t.status !== 'done') continue;
      done++;
      if (DONE_DATE.test(ec.text.slice(t.source.text.start, t.source.text.end))) dated++;
    }
    habit = done > 0 && dated * 2 > done;
    doneHabit.set(ec, habit);
  }
  return habit;
}

/**
 * The edit that keeps a boxed item's done date as the file keeps them: `✅ <today>`
 * appended when it becomes done (before a closing block id `^abc`), removed when it
 * stops being done (and restored from the status memory when it is done again);
 * null where the file has no such habit or nothing changes.
 */
export function doneDateEdit(ec: EditContext, t: Task, to: string): Edit | null {
  const src = t.source;
  if (src.type !== 'item' || !src.checkbox || (to === 'done') === (t.status === 'done')) return null;
  const words = ec.text.slice(src.text.start, src.text.end);
  const has = DONE_DATE.exec(words);
  const key = `${t.id}@${t.line} done date`;
  if (to !== 'done') {
    if (!has) return null;
    // Remembered, so that setting it done again restores the date it had (set and set back change nothing).
    ec.memory.remember(key, 'done', has[0], '');
    const start = src.text.start + has.index;
    return { start, end: start + has[0].length, expect: has[0], text: '' };
  }
  if (has) return null;
  const recalled = ec.memory.recall(key, 'done', '');
  if (recalled === undefined && !writesDoneDates(ec)) return null;
  const block = /(?<![ \t])[ \t]+\^[\w-]+[ \t]*$/u.exec(words);
  const at = src.text.start + (block ? block.index : words.trimEnd().length);
  return { start: at, end: at, expect: '', text: recalled ?? ` ✅ ${todayIso()}` };
}

// ---- reading back -------------------------------------------------------------

/** What a task reads as for the read-back: its words (tags aside), status, owner, notes, dates, priority, tags. */
function reading(t: Task, withTitle = true): string {
  const bare = t.title
    .replace(/(?<=^|\s)[#+@][\p{L}_][\p{L}\p{N}_/.-]*/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  return JSON.stringify([
    t.idFromFile ? t.id : '',
    withTitle ? t.title : bare,
    t.status,
    t.owner,
    t.notes,
    t.due ?? null,
    t.scheduled ?? null,
    t.start ?? null,
    t.doneDate ?? null,
    t.priorityLevel ?? null,
    t.tags ?? [],
    t.dependsOn,
    t.estimate ?? null,
  ]);
}

/** The task as it should read with the fields changed. */
function expected(ec: EditContext, before: Task, found: Task, c: FieldChanges): Task {
  const want: Task = { ...before };
  if (c.due !== undefined) {
    if (c.due === '') delete want.due;
    else want.due = c.due;
  }
  if (c.priority !== undefined) {
    if (c.priority === '') delete want.priorityLevel;
    else want.priorityLevel = c.priority;
  }
  if (c.tag?.length || c.untag?.length) {
    const gone = new Set((c.untag ?? []).map((x) => x.toLowerCase()));
    const tags = (before.tags ?? []).filter((x) => !gone.has(x.toLowerCase()));
    for (const tag of c.tag ?? []) if (!tags.some((x) => x.toLowerCase() === tag.toLowerCase())) tags.push(tag);
    if (tags.length) want.tags = tags;
    else delete want.tags;
  }
  if (c.depends !== undefined) want.dependsOn = dependencyIds(ec, c.depends, null);
  if (c.estimate === '') delete want.estimate;
  else if (c.estimate !== undefined)
    want.estimate = { value: estimateOf(c.estimate)!.value, unit: estimateOf(c.estimate)!.unit ?? found.estimate?.unit ?? null };
  return want;
}

function sameTags(a: Task, b: Task): boolean {
  const norm = (t: Task) => JSON.stringify((t.tags ?? []).map((x) => x.toLowerCase()).sort());
  return norm(a) === norm(b);
}

/**
 * Reads the file the edits make: the task at `line` (in `after`'s numbering)
 * must read as `before` with the fields changed, and every other task as it
 * did. Returns the task as read; refuses (nothing written) otherwise.
 */
export async function fieldReadBack(
  ec: EditContext,
  edits: Edit[],
  before: Task | null,
  line: number,
  c: FieldChanges,
  what: string,
  trusted: readonly ('title' | 'owner' | 'notes')[] = [],
): Promise<{ task: Task; after: Plan }> {
  const next = applyEdits(ec.text, edits, ec.file);
  const after = await buildFromText(ec.file, next, false);
  const at = after.tasks.findIndex((t) => t.line === line);
  const found = after.tasks[at];
  const refuse = (why: string) => new PlanError(`${ec.file}:${line}: ${what} would ${why}; nothing was written (edit the line by hand)`);
  if (!found) throw refuse('leave no task on that line');
  // A new task (`plan add`) is the task it was written as, with these fields.
  const want = expected(ec, before ?? { ...found, priorityLevel: undefined, due: undefined, tags: [], dependsOn: [], estimate: undefined }, found, c);
  // What the same write changed otherwise (`--title` with `--due`) is checked as those writes check it.
  for (const k of trusted) want[k] = found[k] as string & null;
  const tagsChange = !!(c.tag?.length || c.untag?.length);
  const differs = (a: Task, b: Task) => {
    if (!tagsChange) return reading(a) !== reading(b);
    return reading({ ...a, tags: [] }, false) !== reading({ ...b, tags: [] }, false) || !sameTags(a, b);
  };
  if (differs(found, want)) {
    const field = (['due', 'priorityLevel'] as const).find((k) => found[k] !== want[k]);
    throw refuse(
      field
        ? `read with ${field === 'due' ? 'due date' : 'priority'} ${found[field] ?? 'none'}, not ${want[field] ?? 'none'}`
        : `change how task ${found.id} reads`,
    );
  }
  const others = after.tasks.filter((_, i) => i !== at);
  const inserted = after.tasks.length === ec.plan.tasks.length + 1;
  const was = inserted || !before ? ec.plan.tasks : ec.plan.tasks.filter((t) => t.line !== before!.line || t.id !== before!.id);
  // A heading's status that its checklist gives may follow the box written or added under it (Task.statusFrom).
  const heads = checklistHeadsAbove(ec.plan, before?.line ?? line);
  const same = (a: Task, b: Task) => reading(a) === reading(b);
  const changed = others.length !== was.length ? others[0] : others.find((t, i) => !same(t, was[i]!) && !onlyChecklistMoved(was[i]!, t, heads, same));
  if (changed) throw refuse(`change how task ${changed.id} reads`);
  return { task: found, after };
}
