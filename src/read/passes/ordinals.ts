// A pass after reading: the numbers of ordered items are ids where they run on across
// the file.

import type { PassState } from './state.js';

/** Numbers of ordered items are ids when they run on across the file (1…22), not when each list restarts at 1. */
export function numberOrdinals(b: PassState): void {
  const live = b.ordinals.filter((o) => !o.found.dropped);
  const numbers = live.map((o) => o.n);
  if (live.length < 2 || new Set(numbers).size !== numbers.length) return;
  for (const o of live) {
    o.found.task.id = o.n;
    o.found.task.idFromFile = true;
  }
}
