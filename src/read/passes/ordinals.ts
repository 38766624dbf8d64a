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

/**
 * `- Cloudflare DNS provider (#24)`: an item with no id of its own is called by the one issue its words end by
 * citing, where no other task cites it or has it for id (`(#126)` after several items done in one pull request
 * names none of them).
 */
export function issueIds(b: PassState): void {
  const live = b.issues.filter((o) => !o.found.dropped && !o.found.task.idFromFile);
  if (live.length === 0) return;
  const count = new Map<string, number>();
  for (const o of live) count.set(o.n, (count.get(o.n) ?? 0) + 1);
  for (const f of b.found) if (!f.dropped && f.task.idFromFile) count.set(f.task.id, 2);
  for (const o of live) {
    if (count.get(o.n) !== 1) continue;
    o.found.task.id = o.n;
    o.found.task.idFromFile = true;
  }
}
