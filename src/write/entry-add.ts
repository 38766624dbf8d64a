// A new entry at the end of the front matter's to-do list (Cursor's `todos:`),
// for `plan add` in a plan whose only task list is that one: the keys the
// list's last entry writes (an id, the title key, the status), in its order
// and at its columns, each value a plain or a double-quoted YAML scalar.

import type { SettableStatus } from '../model/status.js';
import { sourceStart, type Task } from '../model/types.js';
import { PlanError } from '../system/errors.js';
import { MAX_ENTRIES } from '../parse/front-matter-todos.js';
import { idKey } from '../read/ids.js';
import { entryWord, listRange } from './entry-status.js';
import type { EditContext } from './task-edits.js';
import type { Edit } from './splice.js';

const TITLE_KEYS = new Set(['content', 'title', 'task', 'name']);

export interface NewEntry {
  title: string;
  status: SettableStatus;
  owner?: string;
}

/** The front matter's entries of one list, the to-do list first: null when the plan has none. */
export function entryList(ec: EditContext): Task[] | null {
  const entries = ec.plan.tasks.filter((t) => t.source.type === 'entry');
  if (entries.length === 0) return null;
  // Entries are in file order: one list's run, then the next's (one range found per list, not per entry).
  const lists: { start: number; end: number; tasks: Task[] }[] = [];
  for (const t of entries) {
    const at = sourceStart(t.source);
    const last = lists.at(-1);
    if (last && at >= last.start && at < last.end) last.tasks.push(t);
    else lists.push({ ...listRange(ec.text, at), tasks: [t] });
  }
  const todo = lists.find((l) => /^(?:todos|tasks):/.test(ec.text.slice(l.start, l.start + 6)));
  if (todo) return todo.tasks;
  return lists.length === 1 ? entries : null;
}

/** The edit that appends `entry` after the list's last entry, with an id in the list's scheme where its entries have ids. */
export function entryAddEdit(ec: EditContext, list: Task[], entry: NewEntry, taken: Set<string>): Edit {
  const last = list.at(-1)!;
  const src = last.source as Extract<Task['source'], { type: 'entry' }>;
  const where = `${ec.file}:${last.line}: the front matter's to-do list`;
  if (list.length >= MAX_ENTRIES) throw new PlanError(`${where} holds ${list.length} entries, the most plan reads; nothing was written`);
  const body = ec.text.slice(src.entry.start, src.entry.end);
  // A block scalar that keeps its trailing blank lines (`|+`) would lose them to the new entry.
  if (/:[ \t]*[|>][0-9]*\+/.test(body))
    throw new PlanError(`${where} ends in a block scalar that keeps its blank lines; nothing was written (add the entry by hand)`);
  const dash = /^( *)- +/.exec(body)!;
  const keys = [...body.matchAll(new RegExp(`^(?:${dash[0]}| {${dash[0].length}})([A-Za-z_][\\w-]*):`, 'gm'))].map((m) => m[1]!);
  const values: Record<string, string> = {};
  for (const key of keys) {
    if (key === 'id') values.id = newId(list, entry.title, taken);
    else if (TITLE_KEYS.has(key) && !Object.values(values).includes(entry.title)) values[key] = entry.title;
    else if (key === 'status' || key === 'state') values[key] = entryWord(ec, src.entry.start, entry.status, where);
  }
  if (!keys.some((k) => TITLE_KEYS.has(k))) throw new PlanError(`${where} has no title key plan can write; nothing was written`);
  if (entry.status !== 'pending' && !keys.some((k) => k === 'status' || k === 'state')) {
    throw new PlanError(`${where} writes no status; nothing was written (leave out --status)`);
  }
  if (entry.owner) {
    if (!/^[\p{L}\p{N}][\p{L}\p{N}._@-]*$/u.test(entry.owner))
      throw new PlanError(`${where}: "${entry.owner}" is not a plain name for an \`owner:\` key; nothing was written`);
    values.owner = entry.owner;
  }
  // A number id stays a number, as the list writes its ids (`id: 7`).
  const shown = (k: string, v: string) => (k === 'id' && /^\d+$/.test(v) ? v : scalar(v));
  const lines = Object.entries(values).map(([k, v], i) => `${i === 0 ? dash[0] : ' '.repeat(dash[0].length)}${k}: ${shown(k, v)}`);
  return { start: src.entry.end, end: src.entry.end, expect: '', text: ec.plan.eol + lines.join(ec.plan.eol) };
}

/** A YAML scalar for `value`: plain where YAML reads it back as the same string, else double-quoted (JSON's escapes are YAML's). */
function scalar(value: string): string {
  const plain = /^[\p{L}\p{N}][^\n:#]*$/u.test(value) && !/[ \t]$/.test(value) && !/^(?:true|false|yes|no|on|off|null|~|[-+.\d][\d._eE+-]*)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

/** An id in the list's scheme: the next number where its ids are numbers, else a slug of the title's words, unique in the plan. */
function newId(list: Task[], title: string, taken: Set<string>): string {
  const ids = list.map((t) => t.id).filter((id) => id !== '' && !id.startsWith('@'));
  if (ids.length && ids.every((id) => /^\d+$/.test(id))) {
    let n = Math.max(...ids.map(Number)) + 1;
    while (taken.has(idKey(String(n)))) n++;
    return String(n);
  }
  const slug =
    title
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .split('-')
      .filter(Boolean)
      .slice(0, 5)
      .join('-') || 'task';
  let id = slug;
  for (let k = 2; taken.has(idKey(id)); k++) id = `${slug}-${k}`;
  return id;
}
