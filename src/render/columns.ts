// Borderless aligned columns: each cell is wrapped to its column's width and
// its continuation lines hang under the cell's first line, so a wrapped title
// never runs under the id or the status.

import { padEnd, wrap, wrapLines } from './fit.js';
import { trimEndPainted } from './colour.js';

export const GAP = '  ';

export interface Cell {
  text: string;
  /** Colours one line of the cell (the text is measured before painting). */
  paint?: (line: string) => string;
  /** At most this many lines, the last cut with `…`. */
  maxLines?: number;
}

/** The lines of one row: cell i wrapped to widths[i], padded so the columns line up. */
export function rowLines(cells: Cell[], widths: number[], gap = GAP): string[] {
  const wrapped = cells.map((c, i) => (!c.text ? [''] : c.maxLines ? wrapLines(c.text, widths[i]!, c.maxLines) : wrap(c.text, widths[i]!)));
  const height = Math.max(...wrapped.map((w) => w.length));
  const lines: string[] = [];
  for (let k = 0; k < height; k++) {
    const parts = cells.map((c, i) => {
      const text = wrapped[i]![k] ?? '';
      const padded = padEnd(text, widths[i]!);
      return c.paint && text ? c.paint(text) + padded.slice(text.length) : padded;
    });
    lines.push(trimEndPainted(parts.join(gap)));
  }
  return lines;
}

/**
 * Widths for two flexible columns sharing `room` columns: both whole when
 * they fit; else the first gets most (60%, or all the second leaves over).
 */
export function share(room: number, first: number, second: number): [number, number] {
  if (first + second <= room) return [first, second];
  const a = Math.max(Math.min(first, Math.ceil(room * 0.6)), room - second);
  return [a, room - a];
}
