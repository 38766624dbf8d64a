// A pass after reading: in a file with no headings and no other tasks, the numbered
// lists under label lines are its work.

import type { PassState } from './state.js';

/**
 * `Sign-up form:` then `1. Create the schema`, `2. Add the endpoint`, and the same under `Bookings:`: a file with no
 * headings and no other tasks (a task list pasted from a chat or a mail) writes its work as numbered lists under
 * label lines, each label naming a part of the work as a heading would. Where the file has a heading or a task
 * of its own, such lists are steps of prose (instructions, a procedure) and are dropped.
 */
export function labelledSteps(b: PassState): void {
  if (b.labelledSteps.length === 0) return;
  // A step given a status (`plan set` marks one: `1. ✅ Create the schema`) is still one of the steps.
  const steps = new Set(b.labelledSteps.map((s) => s.found));
  if (b.headings.length === 0 && b.found.every((f) => f.dropped || steps.has(f))) return;
  for (const s of b.labelledSteps) if (!s.marked && !s.found.dropped) b.drop(s.found);
}
