// The fast path: a line scanner for the plain Markdown plans are mostly made
// of (ATX headings, GFM tables, simple lists, fenced code, HTML comments and
// block tags). It returns null — "ask remark" — the moment it meets anything it
// is not sure to read exactly as remark does (block quotes, setext headings,
// tabs, tables or code inside list items, …). Differential tests hold it to
// remark's answer on the corpus and on generated files.

import type { Block, HeadingBlock, ItemBlock, Span, TableBlock } from './blocks.js';
import { detailsMarks, trimmedLines } from './html-lines.js';
import { splitRow } from './cells.js';

export { splitRow };

const HTML_BLOCK_TAGS = new Set(
  (
    'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt ' +
    'fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link ' +
    'main menu menuitem nav noframes ol optgroup option p param section summary table tbody td tfoot th thead title tr track ul'
  ).split(' '),
);

interface OpenItem {
  contentIndent: number;
  /** The list's marker kind: `-`, `*`, `+`, or `.`/`)` for ordered lists. */
  kind: string;
  item: ItemBlock;
  /** The item's first paragraph is still open (lines may continue it). */
  firstPara: boolean;
  /** Some paragraph of the item is open (lazy continuation applies). */
  anyPara: boolean;
}

interface Marker {
  kind: string;
  /** Width of the marker and the spaces after it. */
  width: number;
  ordered: boolean;
  start: number;
  empty: boolean;
}

const THEMATIC = /^(?:(?:\*[ ]*){3,}|(?:-[ ]*){3,}|(?:_[ ]*){3,})$/;
const SETEXT = /^(?:=+|-+)[ ]*$/;
const ATX = /^#{1,6}(?:[ ]|$)/;
const FENCE = /^(`{3,}|~{3,})(.*)$/;

/** Leaves the text to remark: `why` and `line` say, at each call, which construct the scanner does not read. */
function bail(_why: string, _line: number): null {
  return null;
}

export function parseFast(text: string): Block[] | null {
  if (text.includes('\t')) return bail('tab character', 0);
  const blocks: Block[] = [];
  const lineStarts: number[] = [];
  const lineEnds: number[] = [];
  for (let s = 0; s <= text.length; ) {
    let nl = text.indexOf('\n', s);
    if (nl === -1) nl = text.length;
    lineStarts.push(s);
    lineEnds.push(nl > s && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl);
    s = nl + 1;
    if (nl === text.length) break;
  }

  let fence: { char: string; len: number; container: number } | null = null;
  let html: 'comment' | 'block' | null = null;
  let table: TableBlock | null = null;
  let tableContainer = 0; // the content indent of the list item holding the table
  let quote = false; // a block quote's paragraph is open (lazy lines continue it)
  let prevBlank = true;
  let paraOpen = false; // a top-level paragraph is open
  let prevIndented = false; // the previous line was indented code (micromark treats it like a paragraph here)
  const lists: OpenItem[] = [];

  /** Opens a list item (closing the parent's paragraph); false when remark must decide. */
  const pushItem = (parent: OpenItem | undefined, marker: Marker, start: number, end: number): boolean => {
    if (parent) {
      parent.firstPara = false;
      parent.anyPara = false;
    }
    const item = openItem(text, start, end, marker, lists.length);
    if (!item) return false;
    blocks.push(item.item);
    lists.push(item);
    prevBlank = false;
    return true;
  };

  for (let i = 0; i < lineStarts.length; i++) {
    const s = lineStarts[i]!;
    const e = lineEnds[i]!;
    const line = text.slice(s, e);

    if (fence) {
      const lineIndent = line.length - line.trimStart().length;
      if (fence.container > 0 && line.trim() !== '' && lineIndent < fence.container) {
        fence = null; // the list item holding the fence ended, and the fence with it
      } else {
        const m = /^ {0,3}(`{3,}|~{3,}) *$/.exec(line.slice(Math.min(fence.container, lineIndent)));
        if (m && m[1]![0] === fence.char && m[1]!.length >= fence.len) {
          fence = null;
          prevBlank = false;
        }
        continue;
      }
    }
    if (html) {
      for (const l of trimmedLines(text, s, e)) blocks.push(...detailsMarks(text, l.start, l.end));
      if (html === 'comment' ? line.includes('-->') : line.trim() === '') {
        if (html === 'block') prevBlank = true;
        html = null;
      }
      continue;
    }

    const indent = line.length - line.trimStart().length;
    const content = line.slice(indent);
    const contentStart = s + indent;
    if (content === '') {
      table = null;
      quote = false;
      paraOpen = false;
      prevBlank = true;
      for (const l of lists) {
        l.firstPara = false;
        l.anyPara = false;
      }
      continue;
    }
    // ---- Table rows (of a top-level table, or one inside a list item) -----
    if (table) {
      const rel = indent - tableContainer;
      if (rel < 0) {
        table = null; // the item holding the table ended
      } else if (rel >= 4 || startsBlock(content) || listMarker(content)) {
        table = null;
      } else {
        // Until a blank line or another block, every line is a row, pipes or not.
        const row = splitRow(text, contentStart, e);
        table.rows.push(row);
        table.end = row.end;
        prevBlank = false;
        continue;
      }
    }

    // A table that starts on a list item's own line, or lazily: remark.
    if (hasPipe(content) && isDelimiterRow(text, lineStarts, lineEnds, i + 1)) {
      if (listMarker(content) || (lists.length && !prevBlank && indent < lists[lists.length - 1]!.contentIndent)) {
        return bail('table inside a list item', i);
      }
    }
    const lazyOk = !prevBlank;
    const wasPara = paraOpen;
    const afterIndented = prevIndented;
    prevIndented = false;

    // ---- Inside a list --------------------------------------------------
    if (lists.length) {
      const top = lists[lists.length - 1]!;
      const marker = THEMATIC.test(content) ? null : listMarker(content);
      const paraBefore = top.anyPara && lazyOk;
      if (indent >= top.contentIndent) {
        if (indent >= top.contentIndent + 4) {
          if (!paraBefore) return bail('indented code inside a list item', i);
          if (top.firstPara) extendText(top.item, text, e);
          prevBlank = false;
          continue;
        }
        if (marker) {
          if (marker.empty || (paraBefore && marker.ordered && marker.start !== 1)) return bail('empty or interrupting list item', i);
          if (!pushItem(top, marker, contentStart, e)) return bail('unusual first line of a list item', i);
          continue;
        }
        if (hasPipe(content) && isDelimiterRow(text, lineStarts, lineEnds, i + 1)) {
          const delimIndent = indentOf(text, lineStarts[i + 1]!, lineEnds[i + 1]!);
          if (delimIndent < top.contentIndent || delimIndent >= top.contentIndent + 4) return bail('table inside a list item', i);
          const t = startTable(text, contentStart, e, lineStarts[i + 1]!, lineEnds[i + 1]!);
          if (!t) return bail('table header and delimiter row differ in cell count', i);
          table = t;
          tableContainer = top.contentIndent;
          blocks.push(t);
          i++;
          top.firstPara = false;
          top.anyPara = false;
          prevBlank = false;
          continue;
        }
        const inner = FENCE.exec(content);
        if (inner && !(inner[1]![0] === '`' && inner[2]!.includes('`'))) {
          // A fenced code block inside the item: nothing in it is a task.
          fence = { char: inner[1]![0]!, len: inner[1]!.length, container: top.contentIndent };
          top.firstPara = false;
          top.anyPara = false;
          prevBlank = false;
          continue;
        }
        if (startsBlock(content) || (paraBefore && SETEXT.test(content))) return bail('block inside a list item', i);
        if (top.firstPara && lazyOk) extendText(top.item, text, e);
        top.anyPara = true;
        prevBlank = false;
        continue;
      }
      // Less indented than the item's content: a lazy continuation line…
      if (paraBefore && !marker && !startsBlock(content)) {
        if (top.firstPara) extendText(top.item, text, e);
        prevBlank = false;
        continue;
      }
      // …or the end of the items it is not indented enough for.
      let popped: OpenItem | undefined;
      while (lists.length && indent < lists[lists.length - 1]!.contentIndent) popped = lists.pop();
      if (marker) {
        // A sibling in the same list continues it; another kind of marker
        // starts a new list, which must obey the paragraph-interruption rules.
        const sibling = popped !== undefined && popped.kind === marker.kind;
        if (marker.empty || (!sibling && paraBefore && marker.ordered && marker.start !== 1)) {
          return bail('empty or interrupting list item', i);
        }
        if (!pushItem(lists[lists.length - 1], marker, contentStart, e)) return bail('unusual first line of a list item', i);
        continue;
      }
      if (lists.length) {
        // Content of an outer item (after a blank line): read the line again
        // with the inner items closed.
        i--;
        continue;
      }
      paraOpen = false;
      // fall through: the line starts a top-level block
    }

    // ---- Top level --------------------------------------------------------
    if (quote && content[0] !== '>') {
      // A lazy continuation line of the quote's paragraph, or the start of a block.
      if (listMarker(content) || hasPipe(content) || /^\[[^\]]*\]:/.test(content)) return bail('block quote followed by a list or table', i);
      if (indent >= 4 || !startsBlock(content)) {
        prevBlank = false;
        continue;
      }
      quote = false;
    }
    if (indent >= 4) {
      // Paragraph continuation, or indented code (which holds no tasks).
      if (wasPara) blocks.push(...trimmedLines(text, s, e).map((l) => ({ type: 'line' as const, ...l })));
      prevIndented = !wasPara;
      prevBlank = false;
      continue;
    }
    if (ATX.test(content)) {
      blocks.push(heading(text, contentStart, e));
      paraOpen = false;
      prevBlank = false;
      continue;
    }
    const f = FENCE.exec(content);
    if (f) {
      if (f[1]![0] === '`' && f[2]!.includes('`')) return bail('backtick in a fence info string', i);
      fence = { char: f[1]![0]!, len: f[1]!.length, container: 0 };
      paraOpen = false;
      prevBlank = false;
      continue;
    }
    if (wasPara && SETEXT.test(content)) return bail('setext heading', i);
    if (THEMATIC.test(content)) {
      paraOpen = false;
      prevBlank = false;
      continue;
    }
    if (content[0] === '>') {
      // A block quote of plain text holds no tasks; anything more: remark.
      const inner = content.replace(/^> ?/, '');
      if (
        inner.trim() !== '' &&
        (hasPipe(inner) || startsBlock(inner.trimStart()) || listMarker(inner.trimStart()) || /^ {4}/.test(inner) || /^\[[^\]]*\]:/.test(inner.trimStart()))
      ) {
        return bail('block quote holding more than text', i);
      }
      quote = inner.trim() !== '';
      paraOpen = false;
      prevBlank = false;
      continue;
    }

    if (content[0] === '<') {
      for (const l of trimmedLines(text, s, e)) blocks.push(...detailsMarks(text, l.start, l.end));
      if (content.startsWith('<!--')) {
        html = content.includes('-->', 4) ? null : 'comment';
      } else {
        const tag = /^<\/?([A-Za-z][A-Za-z0-9]*)(?:[ >]|\/>|$)/.exec(content);
        if (!tag || !HTML_BLOCK_TAGS.has(tag[1]!.toLowerCase())) return bail('HTML block', i);
        html = 'block';
      }
      paraOpen = false;
      prevBlank = false;
      continue;
    }
    if (/^\[[^\]]*\]:/.test(content)) return bail('link reference definition', i);
    const marker = listMarker(content);
    if (marker) {
      if (marker.empty) return bail('empty list item', i);
      if ((wasPara || afterIndented) && marker.ordered && marker.start !== 1) return bail('ordered list interrupting a paragraph', i);
      if (!pushItem(undefined, marker, contentStart, e)) return bail('unusual first line of a list item', i);
      paraOpen = false;
      continue;
    }
    if (hasPipe(content) && i + 1 < lineStarts.length) {
      if (isDelimiterRow(text, lineStarts, lineEnds, i + 1)) {
        const t = startTable(text, contentStart, e, lineStarts[i + 1]!, lineEnds[i + 1]!);
        if (!t) return bail('table header and delimiter row differ in cell count', i);
        table = t;
        tableContainer = 0;
        blocks.push(table);
        i++; // the delimiter row
        paraOpen = false;
        prevBlank = false;
        continue;
      }
    }
    blocks.push(...trimmedLines(text, s, e).map((l) => ({ type: 'line' as const, ...l })));
    paraOpen = true;
    prevBlank = false;
  }
  return blocks;
}

function startTable(text: string, start: number, end: number, dStart: number, dEnd: number): TableBlock | null {
  const align = delimiterCells(text, dStart, dEnd);
  const header = splitRow(text, start, end);
  if (!align || header.cells.length !== align.length) return null;
  return { type: 'table', start: header.start, end: header.end, header, delimiter: { start: dStart, end: dEnd }, align, rows: [] };
}

function indentOf(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && text.charCodeAt(i) === 32) i++;
  return i - start;
}

function hasPipe(s: string): boolean {
  return s.includes('|');
}

/** Lines that start a block other than a paragraph (and end a table or paragraph). */
function startsBlock(content: string): boolean {
  const c = content[0];
  return ATX.test(content) || FENCE.test(content) || c === '>' || c === '<' || THEMATIC.test(content);
}

function listMarker(content: string): Marker | null {
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

function openItem(text: string, markerStart: number, lineEnd: number, marker: Marker, depth: number): OpenItem | null {
  const contentAt = markerStart + marker.width;
  const rest = text.slice(contentAt, lineEnd);
  // A heading, fence, quote, HTML or a nested list as the item's first line: remark.
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
  const item: ItemBlock = {
    type: 'item',
    start: markerStart,
    end: trimmedEnd(text, textStart, lineEnd),
    depth,
    ordered: marker.ordered,
    checkbox,
    checked,
    text: { start: textStart, end: trimmedEnd(text, textStart, lineEnd) },
  };
  return { contentIndent: contentAt - lineStartOf(text, markerStart), kind: marker.kind, item, firstPara: true, anyPara: true };
}

function lineStartOf(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

function extendText(item: ItemBlock, text: string, lineEnd: number): void {
  const end = trimmedEnd(text, item.text.start, lineEnd);
  item.text = { start: item.text.start, end };
  item.end = end;
}

function trimmedEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && text.charCodeAt(e - 1) === 32) e--;
  return e;
}

function heading(text: string, start: number, end: number): HeadingBlock {
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

function isDelimiterRow(text: string, starts: number[], ends: number[], i: number): boolean {
  return i < starts.length && delimiterCells(text, starts[i]!, ends[i]!) !== null;
}

/** The alignments of a delimiter row (`| :--- | ---: |`), or null if it is not one. */
function delimiterCells(text: string, start: number, end: number): TableBlock['align'] | null {
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
