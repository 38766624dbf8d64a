// Offsets ↔ 1-based line and column, by binary search over line starts.

export class LineIndex {
  private readonly starts: number[];

  constructor(text: string) {
    const starts = [0];
    let i = text.indexOf('\n');
    while (i !== -1) {
      starts.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
    this.starts = starts;
  }

  /** 1-based line of a UTF-16 offset. */
  line(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** 1-based column (in UTF-16 units) of an offset. */
  column(offset: number): number {
    return offset - this.starts[this.line(offset) - 1]! + 1;
  }

  lineStart(line: number): number {
    return this.starts[line - 1] ?? 0;
  }
}
