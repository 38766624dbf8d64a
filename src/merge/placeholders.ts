// The texts git's line merge sees: each task's lines replaced by one line
// naming its key, so that changes inside tasks (merged part by part) never
// make a line conflict. The token is random and absent from every version.

import { applyEdits } from '../write/splice.js';
import type { Segment } from './segments.js';

export class Tokens {
  readonly token: string;
  private readonly line: RegExp;

  constructor(texts: string[]) {
    let token: string;
    do token = `@@plan-merge-${Math.random().toString(36).slice(2, 10)}@@`;
    while (texts.some((t) => t.includes(token)));
    this.token = token;
    this.line = new RegExp(`^${token}T([a-z]\\d+)${token}(\\r?\\n)?$`);
  }

  /** The text with each segment replaced by its placeholder line. */
  mask(text: string, segments: Segment[], keys: string[]): string {
    const cuts = segments.map((s, j) => ({ start: s.start, end: s.end, text: `${this.token}T${keys[j]}${this.token}${s.eol}` }));
    return applyEdits(
      text,
      cuts.map((c) => ({ ...c, expect: text.slice(c.start, c.end) })),
      'merge',
    );
  }

  /** The key a placeholder line names, or null for any other line. */
  keyOf(line: string): string | null {
    return line.startsWith(this.token) ? (this.line.exec(line)?.[1] ?? null) : null;
  }
}
