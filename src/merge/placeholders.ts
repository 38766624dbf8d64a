// The texts git's line merge sees: each task's lines replaced by one line
// naming its key, and each date stamp outside tasks by a token, so that
// changes inside tasks (merged part by part) and refreshed stamps (the later
// one wins) never make a line conflict. The token is random and absent from
// every version.

import type { Span } from '../parse/blocks.js';
import { applyEdits } from '../edit/splice.js';
import type { Segment } from './segments.js';

export class Tokens {
  readonly token: string;
  private readonly line: RegExp;
  private readonly stamp: RegExp;

  constructor(texts: string[]) {
    let token: string;
    do token = `@@plan-merge-${Math.random().toString(36).slice(2, 10)}@@`;
    while (texts.some((t) => t.includes(token)));
    this.token = token;
    this.line = new RegExp(`^${token}T([a-z]\\d+)${token}(\\r?\\n)?$`);
    this.stamp = new RegExp(`${token}S(\\d+)${token}`, 'g');
  }

  /** The text with segments and stamps replaced (stamps lie outside segments). */
  mask(text: string, segments: Segment[], keys: string[], stamps: Span[]): string {
    const cuts = [
      ...segments.map((s, j) => ({ start: s.start, end: s.end, text: `${this.token}T${keys[j]}${this.token}${s.eol}` })),
      ...stamps.map((s, i) => ({ start: s.start, end: s.end, text: `${this.token}S${i}${this.token}` })),
    ];
    return applyEdits(
      text,
      cuts.map((c) => ({ ...c, expect: text.slice(c.start, c.end) })),
      'merge',
    );
  }

  /** The key a placeholder line names, or null for any other line. */
  keyOf(line: string): string | null {
    return this.line.exec(line)?.[1] ?? null;
  }

  /** A line with its stamp tokens replaced by `value(i)`. */
  unstamp(line: string, value: (i: number) => string): string {
    return line.includes(this.token) ? line.replace(this.stamp, (_m, i: string) => value(Number(i))) : line;
  }
}
