// The one table-row splitter: the fast scanner, the remark walk, the write
// path's checks and the cache update all cut a row into cells here, so a cell
// is the same span whoever reads it. Unescaped pipes separate cells (a
// backslash escapes the next character, as in GFM); padding of spaces and tabs
// is trimmed from each cell and from the end of the row.

import type { Span, TableRow } from './blocks.js';

const isPad = (c: number) => c === 32 || c === 9;

export function splitRow(text: string, start: number, end: number): TableRow {
  let rowEnd = end;
  while (rowEnd > start && isPad(text.charCodeAt(rowEnd - 1))) rowEnd--;
  const cells: Span[] = [];
  let i = start;
  while (i < rowEnd && isPad(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === 124) i++;
  let cellStart = i;
  for (; i < rowEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 && i + 1 < rowEnd) i++;
    else if (c === 124) {
      cells.push(trimCell(text, cellStart, i));
      cellStart = i + 1;
    }
  }
  if (cellStart < rowEnd || cells.length === 0) cells.push(trimCell(text, cellStart, rowEnd));
  return { start, end: rowEnd, cells };
}

function trimCell(text: string, s: number, e: number): Span {
  while (s < e && isPad(text.charCodeAt(s))) s++;
  while (e > s && isPad(text.charCodeAt(e - 1))) e--;
  return { start: s, end: e };
}
