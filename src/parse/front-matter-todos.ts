// A to-do list kept in the front matter (Cursor's plan files write one:
// `todos:` with `- id:` / `content:` / `status:` entries), found in the YAML's
// own lines so each value has a span a writer can splice. gray-matter's data
// says what the values are; this scan says where they are written, and the
// two must agree entry for entry, or the list is not read at all (a span that
// pointed at the wrong entry would make a write change the wrong task).

import type { Span } from './blocks.js';
import type { FrontMatterResult } from './front-matter-yaml.js';

/** The keys that name a to-do list: their entries are tasks with or without a status. */
const LIST_KEYS: ReadonlySet<string> = new Set(['todos', 'tasks']);
/** The keys whose value is an entry's title, in the order they are tried. */
export const TITLE_KEYS = ['content', 'title', 'task', 'name'] as const;
/** The keys whose value lists the entries an entry waits on (Cursor writes `dependencies:`). */
const DEPENDENCY_KEYS = ['dependencies', 'depends_on', 'dependsOn', 'blocked_by'] as const;
/** No front matter list is read past this many entries (a generated file, not a plan). */
export const MAX_ENTRIES = 5000;

export interface EntryField {
  /** The value as YAML reads it (quotes and escapes resolved). */
  value: string;
  /** The value as written on its line (inside quotes when quoted); null when it is not on one line or is not a plain string. */
  span: Span | null;
  /** The value is quoted with escapes in it (`\\"`, `''`): YAML reads it otherwise than written. */
  escaped?: boolean;
}

interface FrontMatterEntry {
  /** From the entry's `- ` through the end of its last line. */
  span: Span;
  /** The ids its `dependencies:` (`depends_on:`, `blocked_by:`) list names, as the data has them. */
  dependsOn?: string[];
  fields: Map<string, EntryField>;
}

export interface FrontMatterList {
  key: string;
  entries: FrontMatterEntry[];
}

/**
 * The front matter's lists of work with the spans of their entries' values: a list under `todos:` or `tasks:`, or
 * under any other top-level key whose entries all have a title (the reader decides from their statuses whether such
 * a list is work). A list whose lines cannot be matched to its data, key for key, is left out.
 */
export function findFrontMatterLists(text: string, fm: FrontMatterResult): FrontMatterList[] {
  if (!fm.block || fm.problem) return [];
  // Most front matter holds no list of mappings: no scan of its lines then.
  if (!Object.values(fm.data).some((v) => Array.isArray(v) && v.length > 0)) return [];
  const lines = linesOf(text, fm.block.sourceStart, fm.block.sourceEnd);
  const opening = keyLines(lines);
  const out: FrontMatterList[] = [];
  for (const [key, data] of Object.entries(fm.data)) {
    if (!Array.isArray(data) || data.length === 0 || data.length > MAX_ENTRIES || !data.every(isTodo)) continue;
    // A key opened on two lines (one of them inside a quoted string) is not told apart by a scan: not read.
    const at = opening.get(key);
    if (at === undefined || at.length !== 1 || !/^[ \t]*(?:#.*)?$/.test(lines[at[0]!]!.text.slice(key.length + 1))) continue;
    const entries = scanList(text, lines, at[0]!);
    if (entries && agrees(entries, data as Record<string, unknown>[])) out.push({ key, entries });
  }
  return out;
}

/** The plan's to-do lists (`todos:`, `tasks:` of mappings) that the scan left out: said, never skipped silently. */
export function unreadTodoLists(fm: FrontMatterResult, read: FrontMatterList[]): string[] {
  return [...LIST_KEYS].filter((key) => {
    const data = fm.data[key];
    return Array.isArray(data) && data.some((d) => d !== null && typeof d === 'object' && !Array.isArray(d)) && !read.some((l) => l.key === key);
  });
}

/** Whether the list is the plan's own to-do list (grouped under the plan's name) rather than a named list (`phases`). */
export function isTodoList(list: FrontMatterList): boolean {
  return LIST_KEYS.has(list.key);
}

/** The lines that open a top-level key (`todos:`), by key. */
function keyLines(lines: Line[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  lines.forEach((line, i) => {
    const m = /^([^\s#:'"\-[{][^:]*):(?:[ \t]|$)/.exec(line.text);
    if (!m) return;
    const list = out.get(m[1]!);
    if (list) list.push(i);
    else out.set(m[1]!, [i]);
  });
  return out;
}

function isTodo(v: unknown): boolean {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const title = TITLE_KEYS.map((k) => (v as Record<string, unknown>)[k]).find((x) => x !== undefined);
  return typeof title === 'string' && title.trim() !== '';
}

/**
 * The scan found the data's entries: as many, each with the same keys, each value written on one line reading as
 * the data has it. A value written with escapes (`"say \\"hi\\""`) or read as another type (`007`) is kept from the
 * data and never spliced; any other difference means the scan read other lines than YAML did, and the list is left out.
 */
function agrees(entries: FrontMatterEntry[], data: Record<string, unknown>[]): boolean {
  if (entries.length !== data.length) return false;
  return entries.every((entry, i) => {
    const d = data[i]!;
    const keys = Object.keys(d);
    if (keys.length !== entry.fields.size || keys.some((k) => !entry.fields.has(k))) return false;
    const deps = DEPENDENCY_KEYS.map((k) => d[k]).find((v) => v !== undefined && v !== null);
    const named = (Array.isArray(deps) ? deps : [deps]).filter((v) => typeof v === 'string' || typeof v === 'number').map(String);
    if (named.length) entry.dependsOn = named.slice(0, 100);
    for (const [key, field] of entry.fields) {
      const value = d[key];
      const said = value === null ? '' : typeof value === 'string' ? value : null;
      if (said === field.value) continue;
      if (field.span !== null && said !== null && !field.escaped) return false;
      field.span = null;
      field.value = said ?? (typeof value === 'number' || typeof value === 'boolean' ? String(value) : '');
    }
    return true;
  });
}

/** The entries of the block sequence under the key on line `at`: null when it is written in a shape this scan does not follow (flow style, anchors). */
function scanList(text: string, lines: Line[], at: number): FrontMatterEntry[] | null {
  const entries: FrontMatterEntry[] = [];
  let dash = -1;
  let keyColumn = -1;
  let entry: FrontMatterEntry | null = null;
  let lastField: EntryField | null = null;
  for (let i = at + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^[ \t]*(?:#.*)?$/.test(line.text)) continue;
    const indent = /^ */.exec(line.text)![0].length;
    if (indent === 0 && !line.text.startsWith('- ')) break; // the next top-level key
    const item = /^( *)- +/.exec(line.text);
    if (item && (dash === -1 || item[1]!.length === dash)) {
      dash = item[1]!.length;
      keyColumn = item[0].length;
      entry = { span: { start: line.start, end: line.end }, fields: new Map() };
      entries.push(entry);
      const field = addField(entry, text, line.start + keyColumn, line.end);
      if (field === undefined) return null;
      lastField = field;
      continue;
    }
    if (!entry) return null;
    entry.span.end = line.end;
    if (indent === keyColumn) {
      const field = addField(entry, text, line.start + keyColumn, line.end);
      if (field === undefined) return null;
      lastField = field;
    } else if (indent > keyColumn) {
      if (lastField) lastField.span = null; // the value goes on over several lines (or nests)
    } else {
      return null;
    }
  }
  return entries;
}

interface Line {
  start: number;
  end: number;
  text: string;
}

function linesOf(text: string, from: number, to: number): Line[] {
  const out: Line[] = [];
  let start = from;
  while (start < to) {
    let end = text.indexOf('\n', start);
    if (end === -1 || end > to) end = to;
    const lineEnd = end > start && text[end - 1] === '\r' ? end - 1 : end;
    out.push({ start, end: lineEnd, text: text.slice(start, lineEnd) });
    start = end + 1;
  }
  return out;
}

/**
 * One `key: value` line of an entry. Returns the field (null when the line holds
 * no key of ours), or undefined when the line is YAML this scan does not follow.
 */
function addField(entry: FrontMatterEntry, text: string, start: number, end: number): EntryField | null | undefined {
  const line = text.slice(start, end);
  const m = /^([A-Za-z_][\w-]*):(?:[ \t]+|$)/.exec(line);
  if (!m) return line.startsWith('#') ? null : undefined;
  const valueStart = start + m[0].length;
  const field = scalar(text, valueStart, end);
  entry.fields.set(m[1]!, field);
  return field;
}

/** A scalar written on its line: its span (inside quotes when quoted), or null span when it is empty, a block scalar, an alias or a collection. */
function scalar(text: string, start: number, end: number): EntryField {
  const raw = text.slice(start, end);
  const none: EntryField = { value: '', span: null };
  // An empty value (`owner:`) is a place to write one.
  if (raw === '') return { value: '', span: { start, end: start } };
  if (/^[|>&*![{#]/.test(raw)) return none;
  const q = raw[0];
  if (q === '"' || q === "'") {
    const close = q === '"' ? /^"((?:[^"\\]|\\.)*)"[ \t]*(?:#.*)?$/.exec(raw) : /^'((?:[^']|'')*)'[ \t]*(?:#.*)?$/.exec(raw);
    if (!close) return none;
    const inner = close[1]!;
    const escaped = q === '"' ? inner.includes('\\') : inner.includes("''");
    return { value: inner, span: { start: start + 1, end: start + 1 + inner.length }, ...(escaped ? { escaped } : {}) };
  }
  // A comment starts at a `#` after a space; the value ends before the spaces before it (linear: no backtracking).
  const comment = /[ \t]#/.exec(raw);
  let cut = comment ? comment.index : raw.length;
  while (cut > 0 && (raw[cut - 1] === ' ' || raw[cut - 1] === '\t')) cut--;
  const plain = raw.slice(0, cut);
  return { value: plain, span: { start, end: start + plain.length } };
}
