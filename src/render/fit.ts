// Cutting, wrapping and padding plain text to a display width (no ANSI codes
// inside). Text is cut and broken between grapheme clusters only, so a flag or
// a ZWJ emoji is never split.

import { graphemes, textWidth } from '../text/width.js';

/** `s` cut to at most `width` columns, ending in `…` when cut. */
export function cut(s: string, width: number): string {
  if (textWidth(s) <= width) return s;
  if (width <= 0) return '';
  return `${take(graphemes(s), width - 1).text.trimEnd()}…`;
}

/** The longest prefix of `clusters` that fits `width` columns (at least one cluster when `atLeastOne`). */
function take(clusters: string[], width: number, atLeastOne = false): { text: string; count: number } {
  let text = '';
  let w = 0;
  let count = 0;
  for (const g of clusters) {
    const gw = textWidth(g);
    if (w + gw > width && !(atLeastOne && count === 0)) break;
    text += g;
    w += gw;
    count++;
  }
  return { text, count };
}

/**
 * `s` broken into lines of at most `width` columns (`nextWidth` after the
 * first, for a hanging indent): at spaces where it can; a word longer than a
 * whole line is broken between clusters, starting on the line it reaches.
 * Never returns an empty list. A cluster wider than the whole line (a
 * 2-column emoji in a 1-column cell) is kept on a line of its own.
 */
export function wrap(s: string, width: number, nextWidth = width): string[] {
  const text = s.replace(/\s+/g, ' ').trim();
  if (textWidth(text) <= width) return [text];
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  const limit = (): number => (lines.length === 0 ? width : nextWidth);
  const flush = (): void => {
    lines.push(line.trimEnd());
    line = '';
    lineWidth = 0;
  };
  for (const word of text.split(' ')) {
    const w = textWidth(word);
    const space = line ? 1 : 0;
    if (lineWidth + space + w <= limit()) {
      line += space ? ` ${word}` : word;
      lineWidth += space + w;
      continue;
    }
    if (w <= nextWidth && (line || lines.length > 0)) {
      flush();
      line = word;
      lineWidth = w;
      continue;
    }
    // Too long for any line: break it, filling the current line first.
    if (space) {
      line += ' ';
      lineWidth += 1;
    }
    let rest = graphemes(word);
    while (rest.length) {
      const part = take(rest, limit() - lineWidth, line === '');
      if (part.count === 0) {
        flush();
        continue;
      }
      line += part.text;
      lineWidth += textWidth(part.text);
      rest = rest.slice(part.count);
      if (rest.length) flush();
    }
  }
  flush();
  return lines;
}

/** At most `max` lines of `wrap(s, width, nextWidth)`, the last one ending in `…` when text was left out. */
export function wrapLines(s: string, width: number, max: number, nextWidth = width): string[] {
  const lines = wrap(s, width, nextWidth);
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  // The next line did not fit beside the last one kept, so this is always cut.
  kept[max - 1] = cut(`${kept[max - 1]} ${lines[max]}`, max === 1 ? width : nextWidth);
  return kept;
}

/** `s` padded with spaces to `width` columns (never cut). */
export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - textWidth(s)));
}

export function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - textWidth(s))) + s;
}

/**
 * A message for a terminal `width` columns wide, each line wrapped at spaces
 * (its indentation kept on the lines it wraps into), so the terminal never
 * breaks a word (`cancelle` / `d`); only a word longer than a whole line is broken.
 */
export function wrapMessage(message: string, width: number): string {
  return message
    .split('\n')
    .map((line) => {
      const lead = /^[ \t]*/.exec(line)![0];
      const room = width - lead.length;
      if (textWidth(line) <= width || room < 20) return line;
      return wrap(line.slice(lead.length), room)
        .map((l) => lead + l)
        .join('\n');
    })
    .join('\n');
}
