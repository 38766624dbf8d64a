// Date stamps in a merge: where they are (outside tasks), and which of two
// dates is the later, so a merge keeps the later stamp of the two sides.

import { stampEdits } from '../edit/stamps.js';
import type { Plan } from '../model/types.js';
import type { Span } from '../parse/blocks.js';
import type { Segment } from './segments.js';

/** Date stamps outside tasks: the spans a write would refresh. */
export function stampSpans(text: string, plan: Plan, segments: Segment[]): Span[] {
  // stampEdits finds the stamps a write would set to today; set to 1970 they all differ.
  return stampEdits(text, plan.frontMatter.span, plan.bodyStart, { SOURCE_DATE_EPOCH: '0' })
    .filter((e) => !segments.some((s) => e.start < s.end && s.start < e.end))
    .sort((x, y) => x.start - y.start);
}

/** The later of two dates written in the same format. */
export function later(x: string, y: string): string {
  const dx = x.replace(/\D/g, '');
  const dy = y.replace(/\D/g, '');
  return dy.length === dx.length && dy > dx ? y : x;
}
