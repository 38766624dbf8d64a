// Where the status is the place: a board (`## Todo` / `## Doing` / `## Done`
// sections holding lists, or tables without a status column) says a task's
// status by the section it stands in. Setting such a task's status moves its
// item (with its nested lines) or its row to the end of the list or table of
// the section for that status, as a person dragging a card would: the lines
// removed from one section and inserted in the other, nothing else. Which
// headings are lanes is the reader's own word (model/outline.ts listStatus).

import type { Heading, Task } from '../model/types.js';
import { listStatus } from '../read/outline.js';
import type { SettableStatus, Status } from '../model/status.js';
import { applyEdits, type Edit } from './splice.js';
import type { EditContext } from './task-edits.js';

/** A status lane: a heading whose section lists work in one state. */
interface Lane {
  heading: Heading;
  status: Status;
}

/** What a status write does on a board: move the task to `target`, or not, and why (null: it is not on a board). */
export type LaneDecision = { move: true; from: Lane; target: Lane; block: Block; insert: Insertion } | { move: false; reason: string | null };

/** The lines a task takes with it: its item and everything nested under it, or its row. */
interface Block {
  /** Offsets of whole lines [start, end) (end after the last line's break, or the end of the text). */
  start: number;
  end: number;
  /** What is deleted to take the block out without leaving a doubled blank line (covers [start, end)). */
  cut: { start: number; end: number };
  indent: number;
  /** The bullet (`-`, `*`, `+`) of an unordered item, else null. */
  bullet: string | null;
  /** Whether the list it leaves has blank lines between its items. */
  loose: boolean;
}

/** Where a moved block goes, and what it is written with there. */
interface Insertion {
  at: number;
  /** Text before the block (a blank line in a loose list, a table's header for a new table). */
  before: string;
  /** Text after the block (a blank line before the next heading in a new list). */
  after: string;
  bullet: string | null;
  indent: number;
}

const MARKER = /^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+|$)/;
const ATX = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;
/** A line that starts a block of its own, never a lazy continuation of an item's paragraph. */
const BLOCK_START = /^ {0,3}(?:[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|#{1,6}(?:[ \t]|$)|>|```|~~~|\||<)/;

/** The status a heading gives the work it lists, or null: the reader's rule. */
function laneStatus(ec: EditContext, h: Heading): Status | null {
  return listStatus(h.text, ec.vocab);
}

/**
 * Whether setting `t` to `to` moves it, and where. Null where `t` is not in a
 * lane of a board (two or more sibling lanes); a decision not to move carries
 * the one line to say why (no section for that status, or several).
 */
export function laneDecision(ec: EditContext, t: Task, to: SettableStatus): LaneDecision | null {
  const src = t.source;
  // A heading is a card when its lane says its status; one that writes its own is set where it writes it.
  if (src.type === 'heading') return src.status ? null : cardDecision(ec, t, to);
  if (src.type === 'entry') return null; // the front matter's list has no lanes
  if (src.type === 'row' && src.columns.status !== undefined) return null; // its Status cell says the status
  const headings = ec.plan.headings;
  let k = -1;
  for (let i = 0; i < headings.length && headings[i]!.line < t.line; i++) k = i;
  if (k < 0) return null;
  const own = headings[k]!;
  const status = laneStatus(ec, own);
  if (status === null) return null;
  const lanes = siblingLanes(ec, k);
  if (lanes.length < 2) return null;
  const from = { heading: own, status };
  const block = src.type === 'row' ? rowBlock(ec, t) : itemBlock(ec, t, own);
  if (!block) return null; // a nested or quoted item is checked off where it is
  const target = targetLane(lanes, to);
  if (!('heading' in target)) return target;
  if (target.heading === own) return { move: false, reason: null };
  const insert = src.type === 'row' ? rowInsertion(ec, t, own, target.heading) : itemInsertion(ec, block, own, target.heading);
  if (typeof insert === 'string') return { move: false, reason: insert };
  return { move: true, from, target, block, insert };
}

/** The one lane for status `to`, or why there is none to move to. */
function targetLane(lanes: Lane[], to: SettableStatus): Lane | { move: false; reason: string } {
  const targets = lanes.filter((l) => l.status === to);
  if (targets.length === 0) return { move: false, reason: `the board has no section for ${to}` };
  if (targets.length > 1) {
    return { move: false, reason: `the board has several sections for ${to} (${targets.map((l) => JSON.stringify(l.heading.text)).join(', ')})` };
  }
  return targets[0]!;
}

/**
 * A card of a board whose lanes are headings (`### Paint the fence` under `## Backlog`, the reader's laneCards):
 * its section (the heading and what it holds) moves to the end of the lane for its new status.
 */
function cardDecision(ec: EditContext, t: Task, to: SettableStatus): LaneDecision | null {
  const headings = ec.plan.headings;
  const k = headings.findIndex((h) => h.line === t.line);
  if (k < 0) return null;
  let p = k - 1;
  while (p >= 0 && headings[p]!.depth >= headings[k]!.depth) p--;
  if (p < 0 || headings[p]!.depth !== headings[k]!.depth - 1) return null;
  const status = laneStatus(ec, headings[p]!);
  const lanes = status === null ? [] : siblingLanes(ec, p);
  if (status === null || lanes.length < 2) return null;
  // A card whose own words say otherwise than its lane (`tags: [Out of Scope]` in the Backlog) is set where it stands.
  if (status !== t.status) return { move: false, reason: null };
  const target = targetLane(lanes, to);
  if (!('heading' in target)) return target;
  if (target.heading === headings[p]) return { move: false, reason: null };
  const block = cardBlock(ec, k);
  const laneAt = headings.indexOf(target.heading);
  return { move: true, from: { heading: headings[p]!, status: status! }, target, block, insert: cardInsertion(ec, laneAt) };
}

/** Where heading `k`'s section ends: the start of the next heading at its depth or above, or the end of the text. */
function sectionEnd(ec: EditContext, k: number): number {
  const headings = ec.plan.headings;
  const next = headings.slice(k + 1).find((h) => h.depth <= headings[k]!.depth);
  return next ? ec.lineStart(next.line) : ec.text.length;
}

/** The last line in [start, end) that is not blank (the first line when all are). */
function lastFilled(text: string, start: number, end: number): Line {
  let last = lineAt(text, start);
  for (let at = start; at < end; ) {
    const l = lineAt(text, at);
    if (!blank(l)) last = l;
    at = l.next;
  }
  return last;
}

/** A card's block: its heading to its last line of text; cut with the blank lines after it (before it, at the end of the text). */
function cardBlock(ec: EditContext, k: number): Block {
  const { text } = ec;
  const start = ec.lineStart(ec.plan.headings[k]!.line);
  const end = sectionEnd(ec, k);
  const block = { start, end: lastFilled(text, start, end).next, indent: 0, bullet: null, loose: false };
  if (end < text.length) return { ...block, cut: { start, end } };
  // The last card of the file: the blank lines before it go (those after it end the file, and stay), and with no
  // final line break the break that ended the line before them.
  const before = start > 0 ? lastFilled(text, 0, start) : null;
  const from = before && !blank(before) ? before.next - (block.end < text.length || text.endsWith('\n') ? 0 : text[before.next - 2] === '\r' ? 2 : 1) : start;
  return { ...block, cut: { start: from, end: block.end } };
}

/** Where a card goes: after the last line of text of the target lane, a blank line between. */
function cardInsertion(ec: EditContext, lane: number): Insertion {
  const { text } = ec;
  const eol = ec.plan.eol;
  const start = ec.lineStart(ec.plan.headings[lane]!.line);
  const last = lastFilled(text, start, sectionEnd(ec, lane));
  const open = last.next === text.length && !text.endsWith('\n') ? eol : '';
  const following = last.next < text.length ? lineAt(text, last.next) : null;
  return { at: last.next, before: open + eol, after: following && !blank(following) ? eol : '', bullet: null, indent: 0 };
}

/** The lanes among the headings of the same depth under the same parent as heading `k` (it among them). */
function siblingLanes(ec: EditContext, k: number): Lane[] {
  const headings = ec.plan.headings;
  const depth = headings[k]!.depth;
  let first = k;
  while (first > 0 && headings[first - 1]!.depth >= depth) first--;
  let last = k;
  while (last + 1 < headings.length && headings[last + 1]!.depth >= depth) last++;
  const lanes: Lane[] = [];
  for (let i = first; i <= last; i++) {
    const h = headings[i]!;
    if (h.depth !== depth) continue;
    const status = laneStatus(ec, h);
    if (status !== null) lanes.push({ heading: h, status });
  }
  return lanes;
}

/** Text lines with their offsets. */
interface Line {
  start: number;
  /** After the line break (or the end of the text). */
  next: number;
  text: string;
}

function lineAt(text: string, start: number): Line {
  const nl = text.indexOf('\n', start);
  const next = nl === -1 ? text.length : nl + 1;
  return { start, next, text: text.slice(start, nl === -1 ? text.length : nl).replace(/\r$/, '') };
}

const blank = (l: Line) => l.text.trim() === '';
const indentOf = (s: string) => /^[ \t]*/.exec(s)![0].replace(/\t/g, '    ').length;

/** Heading `h`'s own section: where it starts (after its line, and a setext underline) and its lines up to the next heading. */
function section(ec: EditContext, h: Heading): { start: number; lines: Line[] } {
  const { text } = ec;
  const own = lineAt(text, ec.lineStart(h.line));
  let at = own.next;
  if (!ATX.test(own.text) && at < text.length && SETEXT.test(lineAt(text, at).text)) at = lineAt(text, at).next;
  const start = at;
  const next = ec.plan.headings.find((x) => x.line > h.line);
  const end = next ? ec.lineStart(next.line) : text.length;
  const lines: Line[] = [];
  while (at < end) {
    const l = lineAt(text, at);
    lines.push(l);
    at = l.next;
  }
  return { start, lines };
}

/** The index in `lines` just after the item starting at `lines[i]` (its nested lines and continuation lines with it). */
function itemEnd(lines: Line[], i: number): number {
  const m = MARKER.exec(lines[i]!.text)!;
  const content = m[3]!.length > 4 || m[3] === '' ? m[1]!.length + m[2]!.length + 1 : m[0].length;
  let end = i + 1;
  let j = i + 1;
  let prevBlank = false;
  while (j < lines.length) {
    const l = lines[j]!;
    if (blank(l)) {
      prevBlank = true;
      j++;
      continue;
    }
    const inside = indentOf(l.text) >= content;
    const lazy = !prevBlank && !BLOCK_START.test(l.text) && j === end;
    if (!inside && !lazy) break;
    prevBlank = false;
    end = ++j;
  }
  return end;
}

/** The top-level items of a section's lines: [first line index, end index) each, with their list's indentation. */
function topItems(lines: Line[]): { items: [number, number][]; indent: number } {
  const items: [number, number][] = [];
  let indent = -1;
  for (let i = 0; i < lines.length; ) {
    const m = MARKER.exec(lines[i]!.text);
    const at = m ? indentOf(m[1]!) : -1;
    if (m && at <= 3 && (indent < 0 || at === indent)) {
      indent = at;
      const end = itemEnd(lines, i);
      items.push([i, end]);
      i = end;
    } else i++;
  }
  return { items, indent };
}

/** Whether only blank lines, and some, stand between two items of a list (a loose list). */
function looseBetween(lines: Line[], a: [number, number], b: [number, number]): boolean {
  return b[0] > a[1] && lines.slice(a[1], b[0]).every(blank);
}

/** An item's block in its lane's section, or null when it is not a top-level item there. */
function itemBlock(ec: EditContext, t: Task, lane: Heading): Block | null {
  const src = t.source as Extract<Task['source'], { type: 'item' }>;
  const { lines } = section(ec, lane);
  const { items, indent } = topItems(lines);
  const n = items.findIndex(([i]) => lines[i]!.start <= src.item.start && src.item.start < lines[i]!.next);
  if (n < 0) return null;
  const [i, e] = items[n]!;
  // Blank lines at the end of the item belong to the gap after it.
  let last = e;
  while (last > i + 1 && blank(lines[last - 1]!)) last--;
  const start = lines[i]!.start;
  const end = lines[last - 1]!.next;
  const prev = items[n - 1];
  const next = items[n + 1];
  const loose = (prev ? looseBetween(lines, prev, items[n]!) : false) || (next ? looseBetween(lines, [i, last], next) : false);
  const bullet = /^[ \t]*([-*+])/.exec(lines[i]!.text)?.[1] ?? null;
  return { start, end, cut: cutOf(ec.text, lines, i, last, next ? next[0] : -1), indent, bullet, loose };
}

/**
 * What to delete to take lines [i, last) out (`nextItem`: where the next item of
 * their list starts, or -1): the lines, and where a blank
 * line is on both sides of them one of the two (the one after where the list
 * goes on or the lines open the section, else the one before), so no doubled
 * blank line is left. At the end of a text without a final line break, the
 * break before them goes instead.
 */
function cutOf(text: string, lines: Line[], i: number, last: number, nextItem: number): { start: number; end: number } {
  let start = lines[i]!.start;
  let end = lines[last - 1]!.next;
  let after = last;
  while (after < lines.length && blank(lines[after]!)) after++;
  // The list goes on right after the blank lines (not after a paragraph between two lists).
  const more = after === nextItem;
  let before = i;
  while (before > 0 && blank(lines[before - 1]!)) before--;
  if (after > last && (more || before === 0 || before === i)) {
    if (more || before < i) end = lines[after - 1]!.next;
  } else if (before < i && (after > last || end === text.length)) start = lines[before]!.start;
  if (end === text.length && !text.endsWith('\n')) {
    if (before < i) start = Math.min(start, lines[before]!.start);
    if (start > 0) start -= text[start - 2] === '\r' ? 2 : 1;
  }
  return { start, end };
}

/** Where an item goes in the target lane: after its list's last item, or a new list right after its heading. */
function itemInsertion(ec: EditContext, block: Block, from: Heading, target: Heading): Insertion | string {
  if (hasSubheadings(ec, target)) return `the ${JSON.stringify(target.text)} section has sections of its own`;
  const { lines } = section(ec, target);
  const { items, indent } = topItems(lines);
  const eol = ec.plan.eol;
  if (items.length === 0) {
    if (lines.some((l) => !blank(l))) return `the ${JSON.stringify(target.text)} section holds no list`;
    return emptyInsertion(ec, from, target, '', block.bullet, block.indent);
  }
  const [i, e] = items[items.length - 1]!;
  let last = e;
  while (last > i + 1 && blank(lines[last - 1]!)) last--;
  const loose = items.length > 1 ? looseBetween(lines, items[items.length - 2]!, [i, last]) : block.loose;
  const bullet = /^[ \t]*([-*+])/.exec(lines[i]!.text)?.[1] ?? null;
  const at = lines[last - 1]!.next;
  const open = !/\n$/.test(ec.text.slice(lines[last - 1]!.start, at)) ? eol : '';
  return { at, before: open + (loose ? eol : ''), after: '', bullet, indent };
}

/** A new list (or table) right after an empty lane's heading, spaced as the task's own lane is. */
function emptyInsertion(ec: EditContext, from: Heading, target: Heading, head: string, bullet: string | null, indent: number): Insertion {
  const { text } = ec;
  const eol = ec.plan.eol;
  const own = section(ec, from).lines;
  const gap = own.length > 0 && blank(own[0]!) ? eol : '';
  const at = section(ec, target).start;
  const open = at === text.length && at > 0 && text[at - 1] !== '\n' ? eol : '';
  // Before the next heading, the blank line the lane's own list ends with.
  const following = at < text.length ? lineAt(text, at) : null;
  const after = following && !blank(following) && gap ? eol : '';
  return { at, before: open + gap + head, after, bullet, indent };
}

function hasSubheadings(ec: EditContext, h: Heading): boolean {
  const next = ec.plan.headings.find((x) => x.line > h.line);
  return !!next && next.depth > h.depth;
}

/** A row's block: its line. */
function rowBlock(ec: EditContext, t: Task): Block {
  const line = lineAt(ec.text, ec.lineStart(t.line));
  const lines = [line];
  return { start: line.start, end: line.next, cut: cutOf(ec.text, lines, 0, 1, 1), indent: indentOf(line.text), bullet: null, loose: false };
}

/** Where a row goes: after the last row of the target lane's table with the same columns, or a new table of them. */
function rowInsertion(ec: EditContext, t: Task, from: Heading, target: Heading): Insertion | string {
  const src = t.source as Extract<Task['source'], { type: 'row' }>;
  const own = ec.plan.tables[src.table]!;
  if (hasSubheadings(ec, target)) return `the ${JSON.stringify(target.text)} section has sections of its own`;
  const { lines } = section(ec, target);
  const lo = lines.length ? lines[0]!.start : Number.POSITIVE_INFINITY;
  const hi = lines.length ? lines[lines.length - 1]!.next : Number.NEGATIVE_INFINITY;
  const tables = ec.plan.tables.filter((x) => x.start >= lo && x.start < hi);
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((h, i) => h.trim().toLowerCase() === b[i]!.trim().toLowerCase());
  const match = tables.filter((x) => same(x.headers, own.headers));
  if (match.length === 1) {
    const table = match[0]!;
    // A table of no rows yet ends, for the parser, with its header: the row goes after its delimiter row.
    const last = lineAt(ec.text, ec.lineStart(ec.lineOf(Math.max(table.start, table.end - 1, table.delimiter.end - 1))));
    const open = !/\n$/.test(ec.text.slice(last.start, last.next)) ? ec.plan.eol : '';
    return { at: last.next, before: open, after: '', bullet: null, indent: indentOf(last.text) };
  }
  if (tables.length || lines.some((l) => !blank(l))) return `the ${JSON.stringify(target.text)} section holds no table with task ${t.id}'s columns`;
  // An empty lane: a new table with the task's table's header.
  const header = lineAt(ec.text, ec.lineStart(ec.lineOf(own.header.start)));
  const delimiter = lineAt(ec.text, ec.lineStart(ec.lineOf(own.delimiter.start)));
  const head = ec.text.slice(header.start, header.next) + ec.text.slice(delimiter.start, delimiter.next);
  return emptyInsertion(ec, from, target, head, null, indentOf(header.text));
}

/**
 * The edits that move a task: `local` (edits inside its block: its box, mark,
 * owner) applied to the block's text, the block restyled for the target list
 * (its bullet, its indentation), taken out of its lane and written at the end of the target's.
 */
export function moveEdits(ec: EditContext, d: Extract<LaneDecision, { move: true }>, local: Edit[]): Edit[] {
  const { text } = ec;
  const { block, insert } = d;
  const shifted = local.map((e) => ({ ...e, start: e.start - block.start, end: e.end - block.start }));
  let body = applyEdits(text.slice(block.start, block.end), shifted, ec.file);
  if (!/\n$/.test(body)) body += ec.plan.eol;
  const delta = insert.indent - block.indent;
  if (delta !== 0) body = reindent(body, delta);
  if (block.bullet && insert.bullet && block.bullet !== insert.bullet) {
    body = body.replace(/^([ \t]*)[-*+]/, `$1${insert.bullet}`);
  }
  let written = insert.before + body + insert.after;
  // At the end of a text with no final line break, none is added.
  if (insert.at === text.length && !/\n$/.test(text) && text.length > 0) written = written.replace(/\r?\n$/, '');
  return [
    { start: block.cut.start, end: block.cut.end, expect: text.slice(block.cut.start, block.cut.end), text: '' },
    { start: insert.at, end: insert.at, expect: '', text: written },
  ];
}

/** Shifts every non-blank line by `delta` columns (removing only the spaces there are). */
function reindent(body: string, delta: number): string {
  return body.replace(/^([ \t]*)(?=\S)/gm, (lead: string) => (delta > 0 ? ' '.repeat(delta) + lead : lead.slice(Math.min(-delta, lead.length))));
}
