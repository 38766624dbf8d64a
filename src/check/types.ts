// What every check gets and gives: the plan, the file's text, and positioned
// problems. Checks are pure functions, so each can be unit-tested on a string.

import type { Plan, Problem, Task } from '../model/types.js';
import type { DependencyGraph } from '../query/deps.js';
import { visibleField } from '../text/visible.js';

export interface CheckInput {
  plan: Plan;
  /** The whole file as decoded (escaped invalid bytes included). */
  text: string;
  /**
   * A file of a plan of several files: the whole plan's dependency graph and this file's
   * tasks in it, so that a dependency on another file's task counts (src/check/across.ts).
   */
  across?: { graph: DependencyGraph; tasks: readonly Task[] };
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

/**
 * Quotes text for a one-line message: cut to `max` characters with `…`,
 * control and private-use characters and lone surrogates written as `\uXXXX`.
 */
export function quote(s: string, max = 40): string {
  const chars = [...s];
  const cut = chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : s;
  return visibleDamage(JSON.stringify(cut));
}

/**
 * `s` with controls escaped (see text/visible.ts) and private-use characters
 * written as `\uXXXX`: damaged text holds them (Mac Roman byte 0xF0 is Apple's
 * logo, U+F8FF) and most terminals show them as nothing at all.
 */
export function visibleDamage(s: string): string {
  return visibleField(s).replace(/[\ue000-\uf8ff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
