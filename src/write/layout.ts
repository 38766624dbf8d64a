// Keeping a table's layout when a cell's text changes: at least one space
// before the next pipe, and in an aligned table the pipe where it was whenever
// the new text fits the column (the padding after the cell absorbs the change).

import type { TableInfo } from '../model/types.js';
import type { Span } from '../parse/blocks.js';
import { textWidth, codePoints, mayBeEquallyWide } from '../text/width.js';
import type { Edit } from './splice.js';
import type { EditContext } from './task-edits.js';

/**
 * Where a cell's text goes: its trimmed inside, or, for an empty cell, one
 * space after the pipe before it, so `| |` becomes `| text |` and the spaces
 * of an empty cell in an aligned table become its padding.
 */
export function cellSlot(text: string, cell: Span): Span {
  if (cell.start !== cell.end) return cell;
  let s = cell.start;
  while (s > 0 && text[s - 1] === ' ') s--;
  const at = s < cell.start ? s + 1 : s;
  return { start: at, end: at };
}

/**
 * One edit that writes `value` over [from, to) of a cell's text (offsets in
 * the cell's trimmed text) and keeps the row's layout.
 */
export function cellSplice(ec: EditContext, table: number, cell: Span, from: number, to: number, value: string): { edit: Edit; newCell: string } {
  const text = ec.text;
  const slot = cellSlot(text, cell);
  const raw = text.slice(slot.start, slot.end);
  const newCell = raw.slice(0, from) + value + raw.slice(to);
  // `||`: an empty cell without spaces gets one before its text too.
  const lead = raw === '' && value !== '' && text[slot.start - 1] === '|' ? ' ' : '';
  let j = slot.end;
  while (text[j] === ' ' || text[j] === '\t') j++;
  let next = 0;
  if (text[j] === '|') {
    const pad = j - slot.end;
    next = pad;
    const info = ec.plan.tables[table];
    const measure = info ? tableAlignment(ec, info) : null;
    if (measure) {
      const fit = pad - (measure(lead + newCell) - measure(raw));
      if (fit >= 1) next = fit;
    }
    if (next === 0 && newCell !== '') next = 1;
  } else {
    j = slot.end; // the row's last cell without a closing pipe: leave what follows
  }
  const start = slot.start + from;
  const padding = text.slice(slot.end, j);
  // Padding as it was when its width is kept (a tab stays a tab), else spaces.
  const pad = padding.length === next ? padding : ' '.repeat(next);
  return { edit: { start, end: j, expect: text.slice(start, j), text: lead + value + raw.slice(to) + pad }, newCell };
}

/** How the table's lines are aligned (by code points or display width), or null. */
export function tableAlignment(ec: EditContext, info: TableInfo): ((s: string) => number) | null {
  const lines: string[] = [ec.text.slice(info.header.start, info.header.end), ec.text.slice(info.delimiter.start, info.delimiter.end).trim()];
  for (let i = info.firstTask; i < info.firstTask + info.taskCount; i++) {
    const src = ec.plan.tasks[i]?.source;
    if (src?.type === 'row') lines.push(ec.text.slice(src.row.start, src.row.end));
  }
  if (lines.length < 3) return null;
  // Display width first: where no line holds a wide character both measures
  // agree, and a table aligned for the eye stays so once an emoji is written.
  for (const m of [textWidth, codePoints]) {
    // Measuring by display width loads string-width (tens of milliseconds): not for lines that cannot be equally wide.
    if (m === textWidth && !mayBeEquallyWide(lines)) continue;
    const w = m(lines[0]!);
    if (lines.every((l) => m(l) === w)) return m;
  }
  return null;
}
