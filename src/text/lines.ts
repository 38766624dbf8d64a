// Offsets ↔ lines: the one place that says where a line starts and ends. A
// line ends at `\n` (a `\r` before it is the line break's, not the line's);
// a text that ends with `\n` has an empty last line after it. Lines are
// 1-based, offsets UTF-16, columns in code points (as `plan check` reports them).

export class LineIndex {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    let i = text.indexOf('\n');
    while (i !== -1) {
      starts.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
    this.starts = starts;
  }

  /** How many lines the text has (an empty text has one, empty). */
  get count(): number {
    return this.starts.length;
  }

  /** 1-based line of a UTF-16 offset (by binary search over the line starts). */
  line(offset: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** 1-based column of an offset, in code points (a surrogate pair is one column). */
  column(offset: number): number {
    const start = this.lineStart(this.line(offset));
    let column = 1;
    for (let i = start; i < offset; i++) {
      // The low half of a surrogate pair adds no column.
      if (!(isLow(this.text.charCodeAt(i)) && i > start && isHigh(this.text.charCodeAt(i - 1)))) column++;
    }
    return column;
  }

  /** Line and column (in code points) of an offset, for a problem report. */
  at(offset: number): { line: number; column: number } {
    return { line: this.line(offset), column: this.column(offset) };
  }

  /** Offset of the first character of `line` (0 for a line out of range). */
  lineStart(line: number): number {
    return this.starts[line - 1] ?? 0;
  }

  /** Offset just past the last character of `line`: before its `\n` or `\r\n` (or a `\r` ending the text). */
  lineEnd(line: number): number {
    const next = this.starts[line];
    const end = next === undefined ? this.text.length : next - 1;
    return end > this.lineStart(line) && this.text.charCodeAt(end - 1) === 13 ? end - 1 : end;
  }
}

/** 1-based line of one offset, without indexing the whole text (for a single lookup near the start). */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Offset of the start of the line holding offset `at`. */
export function lineStartAt(text: string, at: number): number {
  // lastIndexOf reads a negative position as 0, where a `\n` would be found.
  return at > 0 ? text.lastIndexOf('\n', at - 1) + 1 : 0;
}

/**
 * Offset of the end of the line holding offset `at`: before its `\n` or
 * `\r\n`, or the end of the text. Unlike LineIndex.lineEnd (the parsers'
 * lines), a lone `\r` ending the text stays in the line: the writers that
 * use this append after it, as they always have.
 */
export function lineEndAt(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  if (nl === -1) return text.length;
  return text[nl - 1] === '\r' ? nl - 1 : nl;
}

function isHigh(u: number): boolean {
  return u >= 0xd800 && u <= 0xdbff;
}

function isLow(u: number): boolean {
  return u >= 0xdc00 && u <= 0xdfff;
}
