// file text → front matter + blocks. The only entry to the parsers, so the
// fast path and the full parser can be swapped without touching the rest.

import { readFrontMatter, type FrontMatterResult } from './frontmatter.js';
import { parseWithRemark } from './remark.js';
import type { Block } from './blocks.js';

export interface ParsedDocument {
  frontMatter: FrontMatterResult;
  blocks: Block[];
  parser: 'remark' | 'fast';
}

/**
 * The text the Markdown parsers see: the BOM and the front matter replaced by
 * spaces (line breaks kept), so every offset and line number is the file's own.
 * Parsing the raw file would read the front matter as a thematic break and a heading.
 */
export function maskFrontMatter(text: string): { masked: string; frontMatter: FrontMatterResult } {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const frontMatter = readFrontMatter(text, bom);
  const end = frontMatter.block ? frontMatter.block.end : bom;
  if (end === 0) return { masked: text, frontMatter };
  const head = text.slice(0, end).replace(/[^\r\n]/g, ' ');
  return { masked: head + text.slice(end), frontMatter };
}

export function parseDocument(text: string): ParsedDocument {
  const { masked, frontMatter } = maskFrontMatter(text);
  return { frontMatter, blocks: parseWithRemark(masked), parser: 'remark' };
}
