// The fast path: a line scanner for the plain Markdown plans are mostly made
// of (ATX headings, GFM tables, simple lists, fenced code, HTML comments and
// block tags). It returns null — "ask remark" — the moment it meets anything it
// is not sure to read exactly as remark does (block quotes, setext headings,
// tabs, tables or code inside list items, …). Differential tests hold it to
// remark's answer on the corpus and on generated files.
//
// One Scanner reads the lines in order. Its state is what is open (a fence,
// an HTML block, a table, a quote's paragraph, a top-level paragraph, the list
// items) and two facts about the line before. Each kind of line has its own
// method; what a single line is (a marker, a fence, a delimiter row…) is
// line-shapes.ts's job.

import { LineIndex } from '../text/lines.js';
import type { Block, ItemBlock, TableBlock } from './blocks.js';
import { splitRow } from './cells.js';
import { detailsMarks, trimmedLines } from './html-lines.js';
import {
  closesFence,
  delimiterCells,
  type Fence,
  hasPipe,
  headingBlock,
  indentOf,
  isPlainDefinition,
  labelEndsDefinition,
  isAtxHeading,
  isBlockTag,
  itemBlock,
  LINK_DEFINITION,
  OPEN_LABEL,
  listMarker,
  type Marker,
  opensFence,
  SETEXT,
  startsBlock,
  tableHead,
  THEMATIC,
  trimmedEnd,
} from './line-shapes.js';

export function parseFast(text: string): Block[] | null {
  if (text.includes('\t')) return null; // a tab's width depends on its column: remark's to read
  if (CODE_ITEM.test(text)) return null; // an item whose content is indented code: remark's to read
  return new Scanner(text).scan();
}

/**
 * A list marker followed by five or more spaces and text (`1.     code`): CommonMark
 * opens the item one space after the marker and reads the rest as indented code,
 * in a paragraph's middle too. Rare in plans, so the scanner leaves it to remark.
 */
const CODE_ITEM = /^[ >]*(?:[-*+]|\d{1,9}[.)]) {5}/m;

/** What reading a line did: read it (`line`), read it and the next (`pair`: a table's header and delimiter row), or gave up (`bail`). */
type Step = 'line' | 'pair' | 'bail';

/** Leaves the text to remark: `why` and `line` say, at each call, which construct the scanner does not read. */
function bail(_why: string, _line: number): Step {
  return 'bail';
}

interface OpenItem {
  item: ItemBlock;
  contentIndent: number;
  /** The list's marker kind: `-`, `*`, `+`, or `.`/`)` for ordered lists. */
  kind: string;
  /** The item's first paragraph is still open (lines may continue it). */
  firstPara: boolean;
  /** Some paragraph of the item is open (lazy continuation applies). */
  anyPara: boolean;
}

/** A non-blank line outside fences and HTML blocks, and what came before it. */
interface Line {
  /** 1-based. */
  n: number;
  start: number;
  end: number;
  indent: number;
  /** The line after its indent. */
  content: string;
  contentStart: number;
  /** The line before was not blank: an open paragraph may continue lazily. */
  lazyOk: boolean;
  /** A top-level paragraph was open. */
  afterPara: boolean;
  /** The line before was indented code (micromark treats it like a paragraph here). */
  afterIndented: boolean;
}

class Scanner {
  private readonly blocks: Block[] = [];
  private readonly lines: LineIndex;
  private fence: Fence | null = null;
  private html: 'comment' | 'block' | null = null;
  /** `container`: the content indent of the list item holding the table. */
  private table: { block: TableBlock; container: number } | null = null;
  /** A block quote's paragraph is open (lazy lines continue it). */
  private quote = false;
  /** A top-level paragraph is open. */
  private paraOpen = false;
  private readonly lists: OpenItem[] = [];
  private prevBlank = true;
  private prevIndented = false;

  constructor(private readonly text: string) {
    this.lines = new LineIndex(text);
  }

  scan(): Block[] | null {
    for (let n = 1; n <= this.lines.count; n++) {
      const step = this.read(n);
      if (step === 'bail') return null;
      if (step === 'pair') n++;
    }
    return this.blocks;
  }

  private read(n: number): Step {
    const start = this.lines.lineStart(n);
    const end = this.lines.lineEnd(n);
    const raw = this.text.slice(start, end);
    if (this.fence && this.inFence(raw)) return 'line';
    if (this.html) return this.inHtml(raw, start, end);
    const content = raw.trimStart();
    if (content === '') return this.blank();
    const indent = raw.length - content.length;
    const line: Line = {
      n,
      start,
      end,
      indent,
      content,
      contentStart: start + indent,
      lazyOk: !this.prevBlank,
      afterPara: this.paraOpen,
      afterIndented: this.prevIndented,
    };
    if (this.table && this.tableRow(line)) return 'line';
    if (this.tableOnItemLine(line)) return bail('table inside a list item', n);
    this.prevIndented = false;
    return (this.lists.length ? this.inList(line) : null) ?? this.topLevel(line);
  }

  // ---- fences, HTML, blank lines, table rows ------------------------------

  /** True when the fence holds the line (a closing one ends it); false when the list item holding the fence ended before it. */
  private inFence(raw: string): boolean {
    const fence = this.fence!;
    const indent = raw.length - raw.trimStart().length;
    if (fence.container > 0 && raw.trim() !== '' && indent < fence.container) {
      this.fence = null;
      return false;
    }
    if (closesFence(fence, raw, indent)) {
      this.fence = null;
      this.prevBlank = false;
    }
    return true;
  }

  private inHtml(raw: string, start: number, end: number): Step {
    this.pushDetailsMarks(start, end);
    if (this.html === 'comment' ? raw.includes('-->') : raw.trim() === '') {
      if (this.html === 'block') this.prevBlank = true;
      this.html = null;
    }
    return 'line';
  }

  private blank(): Step {
    this.table = null;
    this.quote = false;
    this.paraOpen = false;
    this.prevBlank = true;
    for (const open of this.lists) endParagraphs(open);
    return 'line';
  }

  /** Until a blank line or another block, every line is a row, pipes or not; false when the line ends the table. */
  private tableRow(line: Line): boolean {
    const { block, container } = this.table!;
    const rel = line.indent - container;
    // Less indented than the table (the item holding it ended), indented code, another block or a list item: the table ended.
    if (rel < 0 || rel >= 4 || startsBlock(line.content) || listMarker(line.content)) {
      this.table = null;
      return false;
    }
    const row = splitRow(this.text, line.contentStart, line.end);
    block.rows.push(row);
    block.end = row.end;
    this.prevBlank = false;
    return true;
  }

  /** A table that starts on a list item's own line, or lazily: remark's to read. */
  private tableOnItemLine(line: Line): boolean {
    if (!hasPipe(line.content) || !this.isDelimiterRow(line.n + 1)) return false;
    const top = this.lists[this.lists.length - 1];
    return listMarker(line.content) !== null || (top !== undefined && line.lazyOk && line.indent < top.contentIndent);
  }

  // ---- inside a list ------------------------------------------------------

  /** A line while list items are open; null when it closed them all and starts a top-level block. */
  private inList(line: Line): Step | null {
    const top = this.lists[this.lists.length - 1]!;
    const marker = THEMATIC.test(line.content) ? null : listMarker(line.content);
    if (line.indent >= top.contentIndent) return this.inItem(top, line, marker);
    const paraBefore = top.anyPara && line.lazyOk;
    // Less indented than the item's content: a lazy continuation line…
    if (paraBefore && !marker && !startsBlock(line.content)) return this.itemLine(top, line, top.firstPara);
    // …or the end of the items it is not indented enough for.
    let closed: OpenItem | undefined;
    while (this.lists.length && line.indent < this.lists[this.lists.length - 1]!.contentIndent) closed = this.lists.pop();
    if (marker) return this.itemAfterClosed(closed!, marker, line, paraBefore);
    const outer = this.lists[this.lists.length - 1];
    // Content of an outer item (after a blank line), read with the inner items closed.
    if (outer) return this.inItem(outer, line, null);
    this.paraOpen = false;
    return null;
  }

  /** A line indented into `top`'s content: a sub-item, a table, a fence, or text (indented four more: text continuing a paragraph). */
  private inItem(top: OpenItem, line: Line, marker: Marker | null): Step {
    const paraBefore = top.anyPara && line.lazyOk;
    if (line.indent >= top.contentIndent + 4) {
      if (!paraBefore) return bail('indented code inside a list item', line.n);
      return this.itemLine(top, line, top.firstPara);
    }
    if (marker) {
      if (marker.empty || (paraBefore && marker.ordered && marker.start !== 1)) return bail('empty or interrupting list item', line.n);
      return this.startItem(top, marker, line);
    }
    if (hasPipe(line.content) && this.isDelimiterRow(line.n + 1)) return this.tableInItem(top, line);
    const fence = opensFence(line.content, top.contentIndent);
    if (fence && fence !== 'bad') return this.fenceInItem(top, fence);
    if (startsBlock(line.content) || (paraBefore && SETEXT.test(line.content))) return bail('block inside a list item', line.n);
    top.anyPara = true;
    return this.itemLine(top, line, top.firstPara && line.lazyOk);
  }

  /** A line of `top`'s text: part of the item's own text (its title and notes) only while its first paragraph is open (`extend`). */
  private itemLine(top: OpenItem, line: Line, extend: boolean): Step {
    if (extend) {
      const { item } = top;
      item.end = trimmedEnd(this.text, item.text.start, line.end);
      item.text = { start: item.text.start, end: item.end };
    }
    this.prevBlank = false;
    return 'line';
  }

  /** A fenced code block inside the item: nothing in it is a task. */
  private fenceInItem(top: OpenItem, fence: Fence): Step {
    this.fence = fence;
    endParagraphs(top);
    this.prevBlank = false;
    return 'line';
  }

  /**
   * A marker less indented than the items it closed: a sibling of the
   * outermost closed item continues its list; another kind of marker starts a
   * new list, which must obey the paragraph-interruption rules.
   */
  private itemAfterClosed(closed: OpenItem, marker: Marker, line: Line, paraBefore: boolean): Step {
    const sibling = closed.kind === marker.kind;
    // A staircase (`- a` / ` - b` / … / `    - e`, or `1. a` / `  2. b` / `    3. c`): a marker four or more
    // columns into its container is a paragraph's lazy continuation or indented code, not an item; remark's to read.
    const outer = this.lists[this.lists.length - 1];
    if (line.indent - (outer ? outer.contentIndent : 0) >= 4) return bail('list marker indented four or more into its container', line.n);
    if (marker.empty || (!sibling && paraBefore && marker.ordered && marker.start !== 1)) return bail('empty or interrupting list item', line.n);
    return this.startItem(this.lists[this.lists.length - 1], marker, line);
  }

  private tableInItem(top: OpenItem, line: Line): Step {
    const delimiterIndent = indentOf(this.text, this.lines.lineStart(line.n + 1), this.lines.lineEnd(line.n + 1));
    if (delimiterIndent < top.contentIndent || delimiterIndent >= top.contentIndent + 4) return bail('table inside a list item', line.n);
    const step = this.startTable(line, top.contentIndent);
    endParagraphs(top);
    return step;
  }

  /** Opens a list item (closing the parent's paragraphs). */
  private startItem(parent: OpenItem | undefined, marker: Marker, line: Line): Step {
    if (parent) endParagraphs(parent);
    const item = itemBlock(this.text, line.contentStart, line.end, marker, this.lists.length);
    if (!item) return bail('unusual first line of a list item', line.n);
    const contentIndent = line.contentStart + marker.width - line.start;
    this.blocks.push(item);
    this.lists.push({ item, contentIndent, kind: marker.kind, firstPara: true, anyPara: true });
    this.prevBlank = false;
    return 'line';
  }

  // ---- top level ----------------------------------------------------------

  private topLevel(line: Line): Step {
    const { content } = line;
    if (this.quote && content[0] !== '>') {
      const lazy = this.afterQuote(line);
      if (lazy) return lazy;
    }
    if (line.indent >= 4) return this.indented(line);
    if (isAtxHeading(content)) {
      this.blocks.push(headingBlock(this.text, line.contentStart, line.end));
      return this.endsParagraph();
    }
    const fence = opensFence(content, 0);
    if (fence) return this.fenceStart(fence, line);
    if (line.afterPara && SETEXT.test(content)) return bail('setext heading', line.n);
    if (THEMATIC.test(content)) return this.endsParagraph();
    if (content[0] === '>') return this.blockQuote(line);
    if (content[0] === '<') return this.htmlStart(line);
    if (LINK_DEFINITION.test(content)) return this.definition(line);
    if (OPEN_LABEL.test(content) && labelEndsDefinition(this.lines, this.text, line.n)) return bail('link reference definition over lines', line.n);
    const marker = listMarker(content);
    if (marker) return this.listStart(line, marker);
    if (hasPipe(content) && this.isDelimiterRow(line.n + 1)) {
      this.paraOpen = false;
      return this.startTable(line, 0);
    }
    return this.paragraphLine(line);
  }

  /**
   * A link reference definition is no block (it only lends links their
   * targets). Read here in its plain one-line form where a block may start (no
   * open paragraph: there it is text), and followed by a blank line or another
   * such definition: a line after it may be its title, or text joined to it.
   */
  private definition(line: Line): Step {
    const next = line.n < this.lines.count ? this.text.slice(this.lines.lineStart(line.n + 1), this.lines.lineEnd(line.n + 1)) : '';
    const nextContent = next.trimStart();
    const nextOk = nextContent === '' || (next.length - nextContent.length < 4 && isPlainDefinition(nextContent));
    if (line.afterPara || line.afterIndented || !isPlainDefinition(line.content) || !nextOk) return bail('link reference definition', line.n);
    return this.endsParagraph();
  }

  private fenceStart(fence: Fence | 'bad', line: Line): Step {
    if (fence === 'bad') return bail('backtick in a fence info string', line.n);
    this.fence = fence;
    return this.endsParagraph();
  }

  /** A block other than a paragraph was read: it ends the open paragraph. */
  private endsParagraph(): Step {
    this.paraOpen = false;
    this.prevBlank = false;
    return 'line';
  }

  /** After a block quote's text, a line without `>`: a lazy continuation of the quote's paragraph, or (null) the start of a block. */
  private afterQuote(line: Line): Step | null {
    const { content } = line;
    if (listMarker(content) || hasPipe(content) || LINK_DEFINITION.test(content)) return bail('block quote followed by a list or table', line.n);
    if (line.indent >= 4 || !startsBlock(content)) {
      this.prevBlank = false;
      return 'line';
    }
    this.quote = false;
    return null;
  }

  /** Indented four or more: a paragraph's continuation, or indented code (which holds no tasks). */
  private indented(line: Line): Step {
    if (line.afterPara) this.pushParagraphLine(line);
    this.prevIndented = !line.afterPara;
    this.prevBlank = false;
    return 'line';
  }

  /** A block quote of plain text holds no tasks; anything more: remark. */
  private blockQuote(line: Line): Step {
    const inner = line.content.replace(/^> ?/, '');
    const rest = inner.trimStart();
    if (rest !== '' && (hasPipe(inner) || startsBlock(rest) || listMarker(rest) || /^ {4}/.test(inner) || LINK_DEFINITION.test(rest))) {
      return bail('block quote holding more than text', line.n);
    }
    this.quote = rest !== '';
    return this.endsParagraph();
  }

  private htmlStart(line: Line): Step {
    this.pushDetailsMarks(line.start, line.end);
    if (line.content.startsWith('<!--')) {
      this.html = line.content.includes('-->', 4) ? null : 'comment';
    } else {
      if (!isBlockTag(line.content)) return bail('HTML block', line.n);
      this.html = 'block';
    }
    return this.endsParagraph();
  }

  private listStart(line: Line, marker: Marker): Step {
    if (marker.empty) return bail('empty list item', line.n);
    if ((line.afterPara || line.afterIndented) && marker.ordered && marker.start !== 1) return bail('ordered list interrupting a paragraph', line.n);
    this.paraOpen = false;
    return this.startItem(undefined, marker, line);
  }

  private paragraphLine(line: Line): Step {
    this.pushParagraphLine(line);
    this.paraOpen = true;
    this.prevBlank = false;
    return 'line';
  }

  // ---- shared -------------------------------------------------------------

  /** A table whose header is `line` and whose delimiter row is the next line; `container`: the indent of the item holding it. */
  private startTable(line: Line, container: number): Step {
    const delimiter = { start: this.lines.lineStart(line.n + 1), end: this.lines.lineEnd(line.n + 1) };
    const block = tableHead(this.text, line.contentStart, line.end, delimiter);
    if (!block) return bail('table header and delimiter row differ in cell count', line.n);
    this.table = { block, container };
    this.blocks.push(block);
    this.prevBlank = false;
    return 'pair';
  }

  private isDelimiterRow(n: number): boolean {
    return n <= this.lines.count && delimiterCells(this.text, this.lines.lineStart(n), this.lines.lineEnd(n)) !== null;
  }

  private pushParagraphLine(line: Line): void {
    for (const l of trimmedLines(this.text, line.start, line.end)) this.blocks.push({ type: 'line', ...l });
  }

  private pushDetailsMarks(start: number, end: number): void {
    for (const l of trimmedLines(this.text, start, end)) this.blocks.push(...detailsMarks(this.text, l.start, l.end));
  }
}

function endParagraphs(open: OpenItem): void {
  open.firstPara = false;
  open.anyPara = false;
}
