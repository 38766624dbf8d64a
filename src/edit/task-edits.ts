// The edits that change one task: its status (in the file's own style), or
// a cell's text. Pure: text + model in, splice edits out.

import type { Plan, Task, TableInfo } from '../model/types.js';
import type { Span } from '../parse/blocks.js';
import { splitRow } from '../parse/fast.js';
import { Vocabulary, type SettableStatus, type Status } from '../status.js';
import type { MojibakeFix } from '../text/mojibake.js';
import { textWidth, codePoints } from '../text/width.js';
import { PlanError, UsageError } from '../errors.js';
import type { Edit } from './splice.js';
import { FileStyle } from './style.js';
import { locateStatus } from './status-text.js';
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
  const vocab = new Vocabulary(plan.statusExtension);
  const style = new FileStyle();
  for (const t of plan.tasks) {
    const src = t.source;
    if (src.type === 'row') {
      const cell = src.columns.status !== undefined ? src.cells[src.columns.status] : undefined;
      if (!cell) continue;
      const raw = text.slice(cell.start, cell.end);
      const p = locateStatus(raw, vocab, findDamage(raw));
      if (p.status !== 'none') {
        style.add(p.status, { text: repair(raw.slice(p.start, p.end)), emoji: p.emoji, word: p.word, table: src.table });
      }
    } else if (src.statusMark) {
      const emoji = text.slice(src.statusMark.start, src.statusMark.end);
      style.add(t.status, { text: emoji, emoji, word: null, table: -1 });
    }
  }
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
  } else {
    if (src.checkbox && !/^\[[ xX]\]$/.test(ec.text.slice(src.checkbox.start, src.checkbox.end))) fail();
    if (src.text.end > ec.text.length) fail();
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
  return t.source.type === 'row' ? rowStatus(ec, t, to) : itemStatus(ec, t, to);
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
  const old = raw.slice(portion.start, portion.end);
  const fresh = ec.memory.recall(key, to, old) ?? ec.style.textFor(to, src.table);
  let edit: Edit;
  let newCell: string;
  if (portion.status === 'none') {
    // Text that is not a status stays in the cell, after the new status.
    const joined = raw === '' ? fresh : `${fresh} — `;
    edit = { start: cell.start, end: cell.start, expect: '', text: joined };
    newCell = joined + raw;
  } else {
    edit = { start: cell.start + portion.start, end: cell.start + portion.end, expect: old, text: fresh };
    newCell = raw.slice(0, portion.start) + fresh + raw.slice(portion.end);
    ec.memory.remember(key, portion.status, old, old, fresh);
  }
  const edits = [edit, ...padding(ec, src.table, cell, raw, newCell)];
  return { edits, from: t.status, to, statusText: ec.repair(newCell) };
}

/** Keeps an aligned table aligned: the padding after the cell absorbs the change. */
function padding(ec: EditContext, table: number, cell: Span, oldCell: string, newCell: string): Edit[] {
  const info = ec.plan.tables[table];
  if (!info) return [];
  const measure = tableAlignment(ec, info);
  if (!measure) return [];
  let j = cell.end;
  while (ec.text[j] === ' ') j++;
  if (ec.text[j] !== '|') return [];
  const pad = j - cell.end;
  const next = pad - (measure(newCell) - measure(oldCell));
  if (next < 1 || next === pad) return [];
  return [{ start: cell.end, end: j, expect: ' '.repeat(pad), text: ' '.repeat(next) }];
}

/** How the table's lines are aligned (by code points or display width), or null. */
export function tableAlignment(ec: EditContext, info: TableInfo): ((s: string) => number) | null {
  const lines: string[] = [ec.text.slice(info.header.start, info.header.end), ec.text.slice(info.delimiter.start, info.delimiter.end).trim()];
  for (let i = info.firstTask; i < info.firstTask + info.taskCount; i++) {
    const src = ec.plan.tasks[i]?.source;
    if (src?.type === 'row') lines.push(ec.text.slice(src.row.start, src.row.end));
  }
  if (lines.length < 3) return null;
  for (const m of [codePoints, textWidth]) {
    const w = m(lines[0]!);
    if (lines.every((l) => m(l) === w)) return m;
  }
  return null;
}

function itemStatus(ec: EditContext, t: Task, to: SettableStatus): StatusChange {
  const src = t.source as Extract<Task['source'], { type: 'item' }>;
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
    newBox = to === 'done' ? '[x]' : '[ ]';
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
  return { start: cell.start, end: cell.end, expect: raw, text: next };
}
