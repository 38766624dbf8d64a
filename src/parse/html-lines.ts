// The lines of an HTML block that matter to a plan: GitHub's collapsible
// sections (`<details>` … `<summary>v1.0 Core</summary>` … `</details>`) group
// the tasks inside them the way a heading does. Both parsers call this on every
// line of every top-level HTML block, so they report the same marks.

import type { DetailsBlock } from './blocks.js';

const OPEN = /<details(?:\s[^>]*)?>/i;
const SUMMARY = /<summary(?:\s[^>]*)?>([\s\S]*?)<\/summary>/i;
const CLOSE = /<\/details\s*>/i;

/** The details marks on one line of an HTML block, in the order they appear. */
export function detailsMarks(text: string, start: number, end: number): DetailsBlock[] {
  const line = text.slice(start, end);
  if (!/<\/?(?:details|summary)/i.test(line)) return [];
  const marks: { at: number; block: DetailsBlock }[] = [];
  const open = OPEN.exec(line);
  if (open) marks.push({ at: open.index, block: mark('open', start, end, start + open.index) });
  const summary = SUMMARY.exec(line);
  if (summary) {
    const inner = start + summary.index + summary[0].indexOf('>') + 1;
    const content = trim(text, inner, inner + summary[1]!.length);
    marks.push({ at: summary.index, block: { type: 'details', mark: 'summary', start, end, content } });
  }
  const close = CLOSE.exec(line);
  if (close) marks.push({ at: close.index, block: mark('close', start, end, start + close.index) });
  return marks.sort((a, b) => a.at - b.at).map((m) => m.block);
}

function mark(kind: 'open' | 'close', start: number, end: number, at: number): DetailsBlock {
  return { type: 'details', mark: kind, start, end, content: { start: at, end: at } };
}

function trim(text: string, s: number, e: number): { start: number; end: number } {
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}

/** Splits `[start, end)` into its lines, each trimmed of surrounding blanks; blank lines are left out. */
export function trimmedLines(text: string, start: number, end: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let s = start;
  while (s <= end) {
    let nl = text.indexOf('\n', s);
    if (nl === -1 || nl > end) nl = end;
    const t = trim(text, s, nl);
    if (t.end > t.start) out.push(t);
    s = nl + 1;
  }
  return out;
}
