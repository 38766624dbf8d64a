// file text → front matter + blocks. The only entry to the parsers, so the
// fast path and the full parser can be swapped without touching the rest.

import { readFrontMatter, type FrontMatterResult } from './front-matter-yaml.js';
import { parseFast } from './fast.js';
import { maskDeepNesting } from './depth.js';
import { unwrapWholeFence } from './whole-fence.js';
import type { Block } from './blocks.js';
import { cutLines, findConflicts, mapBlocks, type Conflict } from './conflicts.js';
import { envText } from '../system/env.js';

export interface ParsedDocument {
  frontMatter: FrontMatterResult;
  blocks: Block[];
  parser: 'remark' | 'fast';
  /** Lines (1-based) nested too deep to read, left out (see depth.ts). */
  tooDeep: number[];
  /** Unresolved merge conflicts: their marker lines are left out (see conflicts.ts). */
  conflicts: Conflict[];
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

/**
 * Parses with the fast scanner when it is sure of the answer, else with remark
 * (loaded only then: it is most of plan's start-up and memory cost).
 * PLAN_PARSER=remark forces the full parser.
 */
export async function parseDocument(text: string): Promise<ParsedDocument> {
  const { masked: body, frontMatter } = maskFrontMatter(text);
  const { text: masked, lines: tooDeep } = maskDeepNesting(unwrapWholeFence(body));
  // Markers in the front matter are conflicts too (found in the text, cut from the masked text: same offsets).
  const { conflicts, cuts } = findConflicts(text);
  if (cuts.length === 0) return { frontMatter, tooDeep, conflicts, ...(await parseBlocks(masked)) };
  const cut = cutLines(masked, cuts);
  const { blocks, parser } = await parseBlocks(cut.text);
  return { frontMatter, tooDeep, conflicts, blocks: mapBlocks(blocks, cut.map), parser };
}

async function parseBlocks(text: string): Promise<Pick<ParsedDocument, 'blocks' | 'parser'>> {
  if (envText('PLAN_PARSER') !== 'remark') {
    const blocks = parseFast(text);
    if (blocks) return { blocks, parser: 'fast' };
  }
  const { parseWithRemark } = await import('./remark.js');
  return { blocks: parseWithRemark(text), parser: 'remark' };
}
