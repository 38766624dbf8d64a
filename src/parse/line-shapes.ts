// What one line is, to the fast scanner (fast.ts): a list marker, a fence, a
// table's delimiter row, an ATX heading, the start of another block; and the
// blocks such a line gives (a heading, an item's first line, a table's head).
// Pure functions of the text: the scanner keeps the state between lines.

import type { HeadingBlock, ItemBlock, Span, TableBlock } from './blocks.js';
import { splitRow } from './cells.js';
import type { LineIndex } from '../text/lines.js';

export const THEMATIC = /^(?:(?:\*[ ]*){3,}|(?:-[ ]*){3,}|(?:_[ ]*){3,})$/;
export const SETEXT = /^(?:=+|-+)[ ]*$/;
/** What may start a link reference definition: `[label]:` (escapes included). */
export const LINK_DEFINITION = /^\[(?:[^\]\\]|\\.)*\]:/;
/** A `[` whose bracket stays open to the end of the line: a label may go on to the next lines. */
export const OPEN_LABEL = /^\[(?:[^\]\\]|\\.)*\\?$/;
/** A label's last line: up to its closing bracket, and the colon of a definition. */
const LABEL_END = /^(?:[^\]\\]|\\.)*\]:/;
/**
 * A whole link reference definition on one line, in its plain form: a label of
 * no brackets or backslashes, a destination (`<…>`, or no spaces, parentheses or
 * escapes), an optional closed title, nothing after. Other forms (a title or
 * destination on the next line, escapes, footnotes) are left to remark.
 */
const PLAIN_DEFINITION = /^\[([^[\]\\\p{Cc}]{1,999})\]: *(?:<[^<>\\\p{Cc}]*>|[^\s<>()\\\p{Cc}]+)(?: +(?:"[^"\\]*"|'[^'\\]*'|\([^()\\]*\)))? *$/u;
const ATX = /^#{1,6}(?:[ ]|$)/;
const FENCE = /^(?=(`{3,}|~{3,}))\1(.*)$/;
const CLOSING_FENCE = /^ {0,3}(`{3,}|~{3,}) *$/;
const HTML_TAG = /^<\/?([A-Za-z][A-Za-z0-9]*)(?:[ >]|\/>|$)/;

const HTML_BLOCK_TAGS = new Set(
  (
    'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt ' +
    'fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link ' +
    'main menu menuitem nav noframes ol optgroup option p param section summary table tbody td tfoot th thead title tr track ul'
  ).split(' '),
);

export interface Marker {
  /** The list's marker kind: `-`, `*`, `+`, or `.`/`)` for ordered lists. */
  kind: string;
  /** Width of the marker and the spaces after it. */
  width: number;
  ordered: boolean;
  start: number;
  empty: boolean;
}

export interface Fence {
  char: string;
  len: number;
  /** The content indent of the list item holding the fence (0 at the top level). */
  container: number;
}

export function hasPipe(s: string): boolean {
  return s.includes('|');
}

export function isAtxHeading(content: string): boolean {
  return ATX.test(content);
}

/** Lines that start a block other than a paragraph (and end a table or paragraph). */
export function startsBlock(content: string): boolean {
  const c = content[0];
  return ATX.test(content) || FENCE.test(content) || c === '>' || c === '<' || THEMATIC.test(content);
}

/** A plain link reference definition (see PLAIN_DEFINITION): a line that is no block. A footnote (`[^1]:`) is not one. */
export function isPlainDefinition(content: string): boolean {
  const label = PLAIN_DEFINITION.exec(content)?.[1];
  return label !== undefined && label.trim() !== '' && label[0] !== '^';
}

/** Whether the label opened on line `n` (see OPEN_LABEL) closes as a definition's, `]:`, on a later line before a blank one. */
export function labelEndsDefinition(lines: LineIndex, text: string, n: number): boolean {
  for (let m = n + 1; m <= lines.count; m++) {
    const line = text.slice(lines.lineStart(m), lines.lineEnd(m));
    if (line.trim() === '') return false;
    if (!OPEN_LABEL.test(`[${line}`)) return LABEL_END.test(line);
  }
  return false;
}

/** An HTML block the scanner can step over: a comment, or a block-level tag (CommonMark's kind 6). */
export function isBlockTag(content: string): boolean {
  const tag = HTML_TAG.exec(content);
  return tag !== null && HTML_BLOCK_TAGS.has(tag[1]!.toLowerCase());
}

export function listMarker(content: string): Marker | null {
  const m = /^(?:([-*+])|(\d{1,9})([.)]))( +|$)/.exec(content);
  if (!m) return null;
  const rest = content.slice(m[0].length);
  const markerLen = m[0].length - m[4]!.length;
  // Five or more spaces after the marker: the content is indented code.
  if (m[4]!.length > 4 && rest !== '') return null;
  return {
    kind: m[1] ?? m[3]!,
    width: rest === '' ? markerLen + 1 : m[0].length,
    ordered: !m[1],
    start: m[2] ? Number(m[2]) : 0,
    empty: rest === '',
  };
}

/**
 * The fence `content` opens, or null. `bad`: a backtick fence whose info
 * string holds a backtick, which CommonMark reads as a paragraph.
 */
export function opensFence(content: string, container: number): Fence | 'bad' | null {
  const m = FENCE.exec(content);
  if (!m) return null;
  if (m[1]![0] === '`' && m[2]!.includes('`')) return 'bad';
  return { char: m[1]![0]!, len: m[1]!.length, container };
}

/** Whether `line` (indented `indent`) closes `fence`. */
export function closesFence(fence: Fence, line: string, indent: number): boolean {
  const m = CLOSING_FENCE.exec(line.slice(Math.min(fence.container, indent)));
  return m !== null && m[1]![0] === fence.char && m[1]!.length >= fence.len;
}

export function indentOf(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && text.charCodeAt(i) === 32) i++;
  return i - start;
}

export function trimmedEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && text.charCodeAt(e - 1) === 32) e--;
  return e;
}

/**
 * The item a list marker at `markerStart` opens, or null when its first line
 * is anything but text (a heading, fence, quote, HTML, a nested list, a bare
 * checkbox): remark's to read.
 */
export function itemBlock(text: string, markerStart: number, lineEnd: number, marker: Marker, depth: number): ItemBlock | null {
  const contentAt = markerStart + marker.width;
  const rest = text.slice(contentAt, lineEnd);
  if (startsBlock(rest) || listMarker(rest)) return null;
  let checkbox: Span | null = null;
  let checked: boolean | null = null;
  let textStart = contentAt;
  const box = /^\[([ xX])\]( +)(?=\S)/.exec(rest);
  if (box) {
    checkbox = { start: contentAt, end: contentAt + 3 };
    checked = box[1] !== ' ';
    textStart = contentAt + box[0].length;
  } else if (/^\[[ xX]\] *$/.test(rest)) {
    return null; // a checkbox with nothing after it on its line
  }
  const end = trimmedEnd(text, textStart, lineEnd);
  return { type: 'item', start: markerStart, end, depth, ordered: marker.ordered, checkbox, checked, text: { start: textStart, end } };
}

export function headingBlock(text: string, start: number, end: number): HeadingBlock {
  const line = text.slice(start, end);
  const marks = /^#{1,6}/.exec(line)![0].length;
  const depth = marks;
  let cs = start + marks;
  while (cs < end && text.charCodeAt(cs) === 32) cs++;
  let ce = end;
  while (ce > cs && text.charCodeAt(ce - 1) === 32) ce--;
  // Closing sequence: spaces then #s at the end (or the whole content is #s).
  let k = ce;
  while (k > cs && text[k - 1] === '#') k--;
  if (k < ce && (k === cs || text[k - 1] === ' ')) {
    ce = k;
    while (ce > cs && text.charCodeAt(ce - 1) === 32) ce--;
  }
  const lineEnd = trimmedEnd(text, start, end);
  return { type: 'heading', depth, start, end: lineEnd, content: ce > cs ? { start: cs, end: ce } : { start: cs, end: cs } };
}

/** A table's header and delimiter row, or null when their cell counts differ. */
export function tableHead(text: string, start: number, end: number, delimiter: Span): TableBlock | null {
  const align = delimiterCells(text, delimiter.start, delimiter.end);
  const header = splitRow(text, start, end);
  if (!align || header.cells.length !== align.length) return null;
  return { type: 'table', start: header.start, end: header.end, header, delimiter, align, rows: [] };
}

/** The alignments of a delimiter row (`| :--- | ---: |`), or null if it is not one. */
export function delimiterCells(text: string, start: number, end: number): TableBlock['align'] | null {
  const line = text.slice(start, end).trim();
  // `---` alone (no pipe) is a thematic break or a setext underline, not a table.
  if (!line.includes('|') || !/^\|?(?: *:?-+:? *\|)* *:?-+:? *\|?$/.test(line)) return null;
  const inner = line.replace(/^\|/, '').replace(/\|$/, '');
  return inner.split('|').map((c) => {
    const t = c.trim();
    const l = t.startsWith(':');
    const r = t.endsWith(':');
    return l && r ? 'center' : l ? 'left' : r ? 'right' : null;
  });
}
