// The parsers' output: the few Markdown blocks a plan is made of, in document
// order, each with raw source offsets (UTF-16, into the whole file's text).
// Code blocks, block quotes' prose, paragraphs and HTML are not listed: they
// hold no tasks. Both the full (remark) parser and the fast line scanner
// produce exactly this, so they can be compared structure for structure.

export interface Span {
  start: number;
  end: number;
}

export interface HeadingBlock {
  type: 'heading';
  depth: number;
  start: number;
  end: number;
  /** The heading's inline content (no `#` marks, no closing sequence). */
  content: Span;
}

export interface TableRow {
  start: number;
  end: number;
  /** Each cell's trimmed inside: the text between its pipes, without padding. */
  cells: Span[];
}

export interface TableBlock {
  type: 'table';
  start: number;
  end: number;
  header: TableRow;
  /** Offsets of the delimiter row (`|---|:---:|`). */
  delimiter: Span;
  align: ('left' | 'right' | 'center' | null)[];
  rows: TableRow[];
}

export interface ItemBlock {
  type: 'item';
  /** From the list marker to the end of the item's first paragraph. */
  start: number;
  end: number;
  /** Nesting depth of the list: 0 for a top-level list. */
  depth: number;
  ordered: boolean;
  /** The `[ ]` / `[x]` of a GFM task list item, if any. */
  checkbox: Span | null;
  checked: boolean | null;
  /** The item's first paragraph (after the checkbox, trailing spaces trimmed), or an empty span at its start. */
  text: Span;
}

export type Block = HeadingBlock | TableBlock | ItemBlock;

export interface ParsedBody {
  blocks: Block[];
  /** Which parser produced the blocks. */
  parser: 'remark' | 'fast';
}
