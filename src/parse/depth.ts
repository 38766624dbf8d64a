// A guard in front of the Markdown parsers: lines whose block containers
// (block quotes, list items, footnote definitions, indentation) nest deeper
// than MAX_NESTING are blanked out before parsing, and reported. remark
// recurses once per level (3,000 nested `>` exhaust the stack) and spends
// time per line in proportion to the depth; with the depth capped, reading
// stays linear in the file's size. No plan nests a hundred levels deep: such
// lines are hostile or broken, and never tasks.

export const MAX_NESTING = 100;

const SPACE = 0x20;
const TAB = 0x09;

/**
 * How many containers the prefix of the line at `start` opens, counting two
 * columns of indentation as one. Blank space at the end opens nothing (a blank
 * line, or the masked front matter, is not nested).
 */
export function lineNesting(text: string, start: number, end: number): number {
  let depth = 0;
  let columns = 0;
  let blank = 0;
  for (let i = start; i < end; ) {
    const c = text.charCodeAt(i);
    if (c === SPACE || c === TAB) {
      blank += c === TAB ? 4 : 1;
      i++;
      continue;
    }
    columns += blank;
    blank = 0;
    const marker = c === 0x3e /* > */ ? i + 1 : markerEnd(text, i, end);
    if (marker === i) break;
    depth++;
    // The space after a marker belongs to it.
    i = text.charCodeAt(marker) === SPACE || text.charCodeAt(marker) === TAB ? marker + 1 : marker;
  }
  return depth + Math.floor(columns / 2);
}

/** The end of a list marker (`-`, `*`, `+`, `1.`, `1)`) or footnote label (`[^x]:`) at `i`, or `i` when there is none. */
function markerEnd(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  const spaced = (at: number) => at >= end || text.charCodeAt(at) === SPACE || text.charCodeAt(at) === TAB;
  if (c === 0x2d || c === 0x2a || c === 0x2b) return spaced(i + 1) ? i + 1 : i;
  if (c >= 0x30 && c <= 0x39) {
    let j = i;
    while (j < end && j - i < 9 && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) j++;
    const d = text.charCodeAt(j);
    return (d === 0x2e || d === 0x29) && spaced(j + 1) ? j + 1 : i;
  }
  if (c === 0x5b /* [ */ && text.charCodeAt(i + 1) === 0x5e /* ^ */) {
    const close = text.indexOf(']:', i + 2);
    return close !== -1 && close < end && close - i < 1000 && !text.slice(i + 2, close).includes('[') ? close + 2 : i;
  }
  return i;
}

/**
 * `text` with every line nested deeper than MAX_NESTING replaced by spaces
 * (line breaks kept, so offsets and line numbers stay the file's own), and
 * those lines' numbers (1-based).
 */
export function maskDeepNesting(text: string): { text: string; lines: number[] } {
  const lines: number[] = [];
  const parts: string[] = [];
  let kept = 0;
  let line = 1;
  for (let start = 0; start < text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    // A cheap test first: a level takes at least half a character (a tab is two).
    if (2 * (end - start) > MAX_NESTING && lineNesting(text, start, end) > MAX_NESTING) {
      lines.push(line);
      const content = text.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
      parts.push(text.slice(kept, start), ' '.repeat(content - start));
      kept = content;
    }
    start = end + 1;
  }
  if (lines.length === 0) return { text, lines };
  parts.push(text.slice(kept));
  return { text: parts.join(''), lines };
}
