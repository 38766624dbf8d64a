// What every check gets and gives: the plan, the file's text, and positioned
// problems. Checks are pure functions, so each can be unit-tested on a string.

import type { Plan, Problem } from '../model/types.js';
import { LineIndex } from '../text/lines.js';

export interface CheckInput {
  plan: Plan;
  /** The whole file as decoded (escaped invalid bytes included). */
  text: string;
}

/**
 * A problem as a check finds it. Findings with the same `group` key are one
 * issue of a whole table or block (a Status column holding notes, row after
 * row): `plan check` reports them as one, worded by `summary`, unless asked
 * for each (`--verbose`).
 */
export interface Finding extends Problem {
  group?: { key: string; summary: (all: Finding[]) => string };
}

export type Check = (input: CheckInput) => Finding[];

/** 1-based line and column (in Unicode code points) of UTF-16 offsets in `text`. */
export class Positions {
  private readonly index: LineIndex;

  constructor(private readonly text: string) {
    this.index = new LineIndex(text);
  }

  at(offset: number): { line: number; column: number } {
    const line = this.index.line(offset);
    const start = this.index.lineStart(line);
    let column = 1;
    for (let i = start; i < offset; i++) {
      const u = this.text.charCodeAt(i);
      // The low half of a surrogate pair adds no column.
      if (!(u >= 0xdc00 && u <= 0xdfff && i > start && isHigh(this.text.charCodeAt(i - 1)))) column++;
    }
    return { line, column };
  }

  lineStart(line: number): number {
    return this.index.lineStart(line);
  }
}

function isHigh(u: number): boolean {
  return u >= 0xd800 && u <= 0xdbff;
}

/**
 * Quotes text for a one-line message: cut to `max` characters with `…`,
 * control and private-use characters and lone surrogates written as `\uXXXX`.
 */
export function quote(s: string, max = 40): string {
  const chars = [...s];
  const cut = chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : s;
  return visible(JSON.stringify(cut));
}

/**
 * `s` with DEL, C1 controls and private-use characters written as `\uXXXX`:
 * damaged text holds them (Mac Roman byte 0xF0 is Apple's logo, U+F8FF) and
 * most terminals show them as nothing at all.
 */
export function visible(s: string): string {
  return s.replace(/[\u007f-\u009f\ue000-\uf8ff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
