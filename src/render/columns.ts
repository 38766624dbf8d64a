// Borderless aligned columns: each cell is wrapped to its column's width and
// its continuation lines hang under the cell's first line, so a wrapped title
// never runs under the id or the status.
//
// The widths and the line breaks are ours (fit.ts: grapheme clusters never
// split, a word longer than its column broken rather than cut, at most
// `maxLines` lines with `…`); cli-table3 draws the row from them: it pads each
// cell to its column, lays the cells side by side and the shorter ones out to
// the row's height. It is given the lines already broken, not `wordWrap`: its
// wrap keeps a word longer than the column whole and then cuts it with `…`
// (our titles and notes lose no words), measures spaces by `.length`, has no
// line limit per cell, and carries only some colours across the lines it makes
// (not the dim of notes and keys), so each line is painted here instead.
//
// cli-table3 measures with string-width 4, which disagrees with ours (8, in
// src/text/width.ts) on some text: combining marks it counts one column each
// (Devanagari and Thai vowel signs, Hebrew and Arabic points, U+200B, soft
// hyphens), a variation selector after a narrow character, characters made
// wide after Unicode 12 (Tangut, hexagrams, newer emoji), a lone regional
// indicator; and it is slow (a new RegExp per measure). The build hands it
// our textWidth in its place (scripts/build.mjs, table-width.cjs), and so do
// the tests that run it from source (test/setup/table-width.ts). Should it
// still measure a row otherwise than we do (run from source elsewhere), and for
// a row with a cluster wider than its column (kept whole, where cli-table3
// would cut it with `…`), the row is padded here as before: `padRow`.
//
// This module is bundled only into the lazy bundles of the views that draw
// tables (list, show's fields, --fields, board), so start-up and piped output
// never load cli-table3.

import Table from 'cli-table3';
import { padEnd, wrap, wrapLines } from './fit.js';
import { trimEndPainted } from './colour.js';
import { textWidth } from '../text/width.js';

export const GAP = '  ';

export interface Cell {
  text: string;
  /** Colours one line of the cell (the text is measured before painting). */
  paint?: (line: string) => string;
  /** At most this many lines, the last cut with `…`. */
  maxLines?: number;
}

/** Borderless: every border and separator character is empty; the gap between columns is the cell's right padding. */
const NO_CHARS = {
  top: '',
  'top-mid': '',
  'top-left': '',
  'top-right': '',
  bottom: '',
  'bottom-mid': '',
  'bottom-left': '',
  'bottom-right': '',
  left: '',
  'left-mid': '',
  mid: '',
  'mid-mid': '',
  right: '',
  'right-mid': '',
  middle: '',
};

// cli-table3's own measure (string-width 4, ANSI codes stripped), for the check that it agrees with ours.
const { strlen } = require('cli-table3/src/utils.js') as { strlen: (s: string) => number };

const isPrintableAscii = (s: string): boolean => /^[\x20-\x7e]*$/.test(s);

/** Whether cli-table3 would pad `line` to `width` as we do: it measures it as we do, and it fits. */
function drawsAsWe(line: string, width: number): boolean {
  if (isPrintableAscii(line)) return line.length <= width;
  if (line.includes('\x1b')) return false;
  const w = textWidth(line);
  return w <= width && strlen(line) === w;
}

/** Each cell's lines: wrapped to its column (at most `maxLines`), one empty line for an empty cell. */
function wrapCells(cells: Cell[], widths: number[]): string[][] {
  return cells.map((c, i) => (!c.text ? [''] : c.maxLines ? wrapLines(c.text, widths[i]!, c.maxLines) : wrap(c.text, widths[i]!)));
}

const paintLine = (c: Cell, line: string): string => (c.paint && line ? c.paint(line) : line);

/** The lines of one row: cell i wrapped to widths[i], padded so the columns line up. */
export function rowLines(cells: Cell[], widths: number[], gap = GAP): string[] {
  const wrapped = wrapCells(cells, widths);
  if (!wrapped.every((lines, i) => lines.every((line) => drawsAsWe(line, widths[i]!)))) return padRow(cells, wrapped, widths, gap);
  const table = new Table({
    chars: NO_CHARS,
    colWidths: widths.map((w) => w + gap.length),
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': gap.length },
    wordWrap: false,
  });
  table.push(wrapped.map((lines, i) => lines.map((line) => paintLine(cells[i]!, line)).join('\n')));
  return table
    .toString()
    .split('\n')
    .map((line) => trimEndPainted(line));
}

/**
 * The row padded here, each cell line to its column's width by our measure:
 * for the rows cli-table3 would measure otherwise, and as the reference its
 * drawing is tested against.
 */
function padRow(cells: Cell[], wrapped: string[][], widths: number[], gap = GAP): string[] {
  const height = Math.max(...wrapped.map((w) => w.length));
  const lines: string[] = [];
  for (let k = 0; k < height; k++) {
    const parts = wrapped.map((cell, i) => {
      const text = cell[k] ?? '';
      return paintLine(cells[i]!, text) + padEnd(text, widths[i]!).slice(text.length);
    });
    lines.push(trimEndPainted(parts.join(gap)));
  }
  return lines;
}

/** `padRow` of the cells wrapped as `rowLines` wraps them (for tests). */
export const rowLinesByHand = (cells: Cell[], widths: number[], gap = GAP): string[] => padRow(cells, wrapCells(cells, widths), widths, gap);

/**
 * Widths for two flexible columns sharing `room` columns: both whole when
 * they fit; else the first gets most (60%, or all the second leaves over).
 */
export function share(room: number, first: number, second: number): [number, number] {
  if (first + second <= room) return [first, second];
  const a = Math.max(Math.min(first, Math.ceil(room * 0.6)), room - second);
  return [a, room - a];
}
