// The parsers' output: the few Markdown blocks a plan is made of, in document
// order, each with raw source offsets (UTF-16, into the whole file's text).
// Code blocks and block quotes' prose are not listed: they hold no tasks. Of
// paragraphs only the lines of top-level ones are listed (a `**Status**: done`
// line under a heading), and of HTML blocks only the lines that open or close a
// collapsible `<details>` section or name it with `<summary>`. Both the full
// (remark) parser and the fast line scanner produce exactly this, so they can
// be compared structure for structure.

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
  /** Inside a block quote: an example, never tasks. */
  quoted?: true;
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
  /** Inside a block quote (remark only: the fast scanner leaves quotes holding lists to remark). */
  quoted?: true;
  ordered: boolean;
  /** The `[ ]` / `[x]` of a GFM task list item, if any. */
  checkbox: Span | null;
  checked: boolean | null;
  /** The item's first paragraph (after the checkbox, trailing spaces trimmed), or an empty span at its start. */
  text: Span;
}

/** One line of a top-level paragraph (trimmed), e.g. `**Status**: ✅ Complete`. */
export interface LineBlock {
  type: 'line';
  start: number;
  end: number;
}

/** A line of an HTML block that opens or closes `<details>`, or names it with `<summary>…</summary>`. */
export interface DetailsBlock {
  type: 'details';
  mark: 'open' | 'summary' | 'close';
  start: number;
  end: number;
  /** For `summary`: the text between the tags; otherwise empty at the mark. */
  content: Span;
}

export type Block = HeadingBlock | TableBlock | ItemBlock | LineBlock | DetailsBlock;
