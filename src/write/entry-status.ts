// A status written into an entry of the front matter's to-do list
// (read/front-matter-tasks.ts): the value of its `status:` key, in the words
// its own list already uses, else those of Cursor's plan files, whose tools
// read the list back. A claim writes the owner key the reader reads, or adds
// `owner:` under the status line. Nothing else of the entry is written: a
// title, a status key it lacks, a value not written plainly are refused, so
// the YAML stays what its tool expects.

import type { SettableStatus } from '../model/status.js';
import type { Task } from '../model/types.js';
import type { Span } from '../parse/blocks.js';
import { entryStatus } from '../read/front-matter-tasks.js';
import { PlanError } from '../system/errors.js';
import type { EditContext, StatusChange, StatusOptions } from './task-edits.js';
import type { Edit } from './splice.js';

/** The words of Cursor's plan files, for a list that writes none for the status yet. Cursor has none for blocked. */
const CURSOR_WORDS: Partial<Record<SettableStatus, string>> = {
  done: 'completed',
  'in-progress': 'in_progress',
  pending: 'pending',
  cancelled: 'cancelled',
};

type EntrySource = Extract<Task['source'], { type: 'entry' }>;

export function entryStatusChange(ec: EditContext, t: Task, to: SettableStatus, opts: StatusOptions): StatusChange {
  const src = t.source as EntrySource;
  const where = `${ec.file}:${t.line}: task ${t.id} is an entry of the front matter's to-do list`;
  if (!src.status) throw new PlanError(`${where} whose \`status:\` is missing or not written plainly on one line; nothing was written (write it by hand)`);
  const word = entryWord(ec, src.entry.start, to, where, opts.text);
  const edits: Edit[] = [];
  const old = ec.text.slice(src.status.start, src.status.end);
  if (old !== word) edits.push(valueEdit(ec, src.status, word));
  if (opts.markOwner !== undefined) edits.push(ownerEdit(ec, src, opts.markOwner, where));
  return { edits, from: t.status, to, statusText: word, remarks: [], reread: true };
}

/** The word an entry of the list at `entryStart` is given for `to`: `text` as given, the list's own, else Cursor's; refused when none reads as `to`. */
export function entryWord(ec: EditContext, entryStart: number, to: SettableStatus, where: string, text?: string): string {
  const word = text ?? listWord(ec, entryStart, to) ?? CURSOR_WORDS[to];
  if (word === undefined) {
    throw new PlanError(`${where}, and the list has no word for ${to} (Cursor's plans know pending, in_progress, completed, cancelled); nothing was written`);
  }
  if (!/^[\p{L}\p{N}][\p{L}\p{N}_ -]*$/u.test(word) || entryStatus(word, ec.vocab) !== to) {
    throw new PlanError(`${where}; "${word}" would not read as ${to} there; nothing was written`);
  }
  return word;
}

/** A value replaced; after a bare `key:` the new value takes a space first. */
function valueEdit(ec: EditContext, span: Span, value: string): Edit {
  const bare = span.start === span.end && ec.text[span.start - 1] === ':';
  return { start: span.start, end: span.end, expect: ec.text.slice(span.start, span.end), text: bare ? ` ${value}` : value };
}

/** The word another entry of the same list writes for `to`, as written (`done`, `Completed`): never another list's. */
function listWord(ec: EditContext, entryStart: number, to: SettableStatus): string | undefined {
  const list = listRange(ec.text, entryStart);
  for (const u of ec.plan.tasks) {
    const s = u.source;
    if (s.type !== 'entry' || !s.status || u.status !== to || s.entry.start < list.start || s.entry.start >= list.end) continue;
    return ec.text.slice(s.status.start, s.status.end);
  }
  return undefined;
}

/** A line that opens a top-level key: it starts at column 0 with neither `-` nor `#`. */
function opensKey(text: string, start: number): boolean {
  const c = text[start];
  return c !== undefined && c !== ' ' && c !== '\t' && c !== '-' && c !== '#' && c !== '\r' && c !== '\n';
}

/** The top-level key's lines that hold the entry at `offset`: from its `key:` line to the next key's (or the block's end). */
export function listRange(text: string, offset: number): Span {
  let start = text.lastIndexOf('\n', offset - 1) + 1;
  while (start > 0 && !opensKey(text, start)) start = text.lastIndexOf('\n', start - 2) + 1;
  let end = text.indexOf('\n', offset);
  while (end !== -1 && !opensKey(text, end + 1)) end = text.indexOf('\n', end + 1);
  return { start, end: end === -1 ? text.length : end + 1 };
}

/**
 * The owner of a claim: the value of the owner key the reader reads (`owner:`, else `assignee:`, `agent:`) where
 * it is written plainly, else a new `owner:` key right under the status line, at its column.
 */
function ownerEdit(ec: EditContext, src: EntrySource, owner: string, where: string): Edit {
  if (!/^[\p{L}\p{N}][\p{L}\p{N}._@-]*$/u.test(owner))
    throw new PlanError(`${where}; "${owner}" is not a plain name for its \`owner:\` key; nothing was written`);
  if (src.owner === null) throw new PlanError(`${where}, whose owner is not written plainly on one line; nothing was written (change it by hand)`);
  if (src.owner) return valueEdit(ec, src.owner, owner);
  const status = src.status!;
  const lineStart = ec.text.lastIndexOf('\n', status.start - 1) + 1;
  const column = /^[ \t]*(?:- +)?/.exec(ec.text.slice(lineStart, status.start))![0].length;
  let end = ec.text.indexOf('\n', status.end);
  if (end === -1) end = ec.text.length;
  if (ec.text[end - 1] === '\r') end--;
  return { start: end, end, expect: '', text: `${ec.plan.eol}${' '.repeat(column)}owner: ${owner}` };
}
