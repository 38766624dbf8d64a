// Date stamps in a merge (`Last Updated:` lines, the front matter's
// `modified:`), outside tasks. git's line merge sees them as any other line,
// so a stamp one side refreshed, added or moved stays as that side wrote it;
// only where both sides refreshed the same stamp line (a later date in place
// of the base's, nothing else on it changed) does the merge keep the later
// date of the two instead of a conflict.

import { stampEdits } from '../write/stamps.js';
import type { Plan } from '../model/types.js';
import type { Segment } from './segments.js';

/** A stamp line: the line without its date (`key`), and the date. */
export interface Stamp {
  key: string;
  date: string;
}

/** The stamp lines of one version, by their text (line ending included). */
export function stampLines(text: string, plan: Plan, segments: Segment[]): Map<string, Stamp> {
  const out = new Map<string, Stamp>();
  // stampEdits finds the stamps a write would set to today; set to 1970 they all differ.
  for (const e of stampEdits(text, plan.frontMatter.span, plan.bodyStart, { SOURCE_DATE_EPOCH: '0' })) {
    if (segments.some((s) => e.start < s.end && s.start < e.end)) continue;
    const start = text.lastIndexOf('\n', e.start - 1) + 1;
    const nl = text.indexOf('\n', e.end);
    const end = nl < 0 ? text.length : nl + 1;
    const line = text.slice(start, end);
    out.set(line, { key: `${text.slice(start, e.start)}\u0000${text.slice(e.end, end)}`, date: text.slice(e.start, e.end) });
  }
  return out;
}

/** The later of two dates written in the same format, or null when their formats differ. */
export function later(x: string, y: string): string | null {
  const shape = (s: string) => s.replace(/\d/g, '0');
  if (shape(x) !== shape(y)) return null;
  return y > x ? y : x;
}
