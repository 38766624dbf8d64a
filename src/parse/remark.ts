// The full parser: unified + remark-parse + remark-gfm, walked into blocks.
// This is the reference; the fast scanner must agree with it wherever it answers.

import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Heading, ListItem, Nodes, Parent, Root, Table } from 'mdast';
import type { Block, Span, TableRow } from './blocks.js';
import { detailsMarks, trimmedLines } from './html-lines.js';
import { splitRow } from './cells.js';

/**
 * plan reads only the block structure (headings, tables, list items, quotes);
 * cells and titles become display text in src/text/plain.ts. So micromark is
 * told not to parse emphasis, links, code spans and the like at all: they
 * cannot change the blocks, and some inputs (5,000 `*` in a row) cost it
 * seconds to minutes.
 */
function blocksOnly(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push({
    disable: {
      null: [
        'attention',
        'autolink',
        'characterReference',
        'codeText',
        'htmlText',
        'labelEnd',
        'labelStartImage',
        'labelStartLink',
        'strikethrough',
        'wwwAutolink',
        'protocolAutolink',
        'emailAutolink',
        'gfmFootnoteCall',
        'gfmPotentialFootnoteCall',
      ],
    },
  });
}

const processor = unified().use(remarkParse).use(remarkGfm).use(blocksOnly);

/** `text` must have the front matter and BOM blanked out (same length). */
export function parseWithRemark(text: string): Block[] {
  const tree = processor.parse(text) as Root;
  const blocks: Block[] = [];
  walk(tree, text, blocks, 0, false);
  return blocks;
}

/** `quoted`: inside a block quote. Only the root's own paragraphs and HTML are listed. */
function walk(node: Parent, text: string, out: Block[], listDepth: number, quoted: boolean): void {
  const top = node.type === 'root';
  for (const child of node.children as Nodes[]) {
    const pos = child.position;
    if (!pos) continue;
    switch (child.type) {
      case 'heading':
        out.push(headingBlock(child, text));
        break;
      case 'table':
        if (child.children.length) out.push(tableBlock(child, text, quoted));
        break;
      case 'paragraph':
        if (top) for (const l of trimmedLines(text, pos.start.offset!, pos.end.offset!)) out.push({ type: 'line', ...l });
        break;
      case 'html':
        if (top) for (const l of trimmedLines(text, pos.start.offset!, pos.end.offset!)) out.push(...detailsMarks(text, l.start, l.end));
        break;
      case 'list':
        for (const item of child.children) {
          out.push(itemBlock(item, text, listDepth, !!child.ordered, quoted));
          walk(item, text, out, listDepth + 1, quoted);
        }
        break;
      case 'blockquote':
        walk(child, text, out, listDepth, true);
        break;
      case 'footnoteDefinition':
        walk(child, text, out, listDepth, quoted);
        break;
      default:
        break;
    }
  }
}

function headingBlock(node: Heading, text: string): Block {
  const start = node.position!.start.offset!;
  const end = node.position!.end.offset!;
  const first = node.children[0]?.position;
  const last = node.children[node.children.length - 1]?.position;
  const content = first && last ? { start: first.start.offset!, end: last.end.offset! } : emptyAfterMarks(text, start);
  return { type: 'heading', depth: node.depth, start, end: trimEnd(text, { start, end }).end, content };
}

/** A table with at least its header row. */
function tableBlock(node: Table, text: string, quoted: boolean): Block {
  const [head, ...body] = node.children;
  const headRow = row(head!.position!.start.offset!, head!.position!.end.offset!, text);
  const delimiter = delimiterSpan(text, headRow.end);
  const rows = body.map((r) => row(r.position!.start.offset!, r.position!.end.offset!, text));
  const last = rows[rows.length - 1] ?? headRow;
  const table: Block = { type: 'table', start: headRow.start, end: last.end, header: headRow, delimiter, align: node.align ?? [], rows };
  if (quoted) table.quoted = true;
  return table;
}

function itemBlock(item: ListItem, text: string, depth: number, ordered: boolean, quoted: boolean): Block {
  const para = item.children[0];
  const start = item.position!.start.offset!;
  let textSpan: Span = { start, end: start };
  let checkbox: Span | null = null;
  if (para && para.type === 'paragraph' && para.position) {
    textSpan = trimEnd(text, { start: para.position.start.offset!, end: para.position.end.offset! });
    if (typeof item.checked === 'boolean') {
      // Depending on what follows it, the paragraph starts at `[x]` or
      // after it: find the checkbox right after the list marker.
      const m = /^(?:[-*+]|\d{1,9}[.)])[ \t]+(\[[ xX]\][ \t]+)/.exec(text.slice(start, textSpan.end));
      if (m) {
        const at = start + m[0].length - m[1]!.length;
        checkbox = { start: at, end: at + 3 };
        textSpan = { start: start + m[0].length, end: textSpan.end };
      }
    }
  }
  const block: Block = { type: 'item', start, end: textSpan.end, depth, ordered, checkbox, checked: checkbox ? !!item.checked : null, text: textSpan };
  if (quoted) block.quoted = true;
  return block;
}

/** A row node's cells: cut by the one splitter the fast scanner and the writers use. */
function row(start: number, end: number, text: string): TableRow {
  return splitRow(text, start, end);
}

function delimiterSpan(text: string, headerEnd: number): Span {
  const lineStart = text.indexOf('\n', headerEnd) + 1;
  let lineEnd = text.indexOf('\n', lineStart);
  if (lineEnd === -1) lineEnd = text.length;
  if (text[lineEnd - 1] === '\r') lineEnd--;
  return { start: lineStart, end: lineEnd };
}

function trimEnd(text: string, span: Span): Span {
  let e = span.end;
  while (e > span.start && (text[e - 1] === ' ' || text[e - 1] === '\t')) e--;
  return { start: span.start, end: e };
}

function emptyAfterMarks(text: string, start: number): Span {
  const m = /^[ \t]*#*[ \t]*/.exec(text.slice(start, start + 20));
  const at = start + (m ? m[0].length : 0);
  return { start: at, end: at };
}
