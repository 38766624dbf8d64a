// A pass after reading: the numbers of ordered items are ids where they run on across
// the file.

import type { Ordinal, PassState } from './state.js';
import { idKey } from '../ids.js';

/**
 * Numbers of ordered items are ids when they run on across the file (1…22), not when each list restarts at 1. Numbers
 * written in the items' words and those of ordered lists are two numberings, each decided on its own.
 */
export function numberOrdinals(b: PassState): void {
  const live = b.ordinals.filter((o) => !o.found.dropped);
  const runs = [live.filter((o) => o.written), live.filter((o) => !o.written)].filter(runsOn);
  // Two numberings that would give one number to two tasks number neither: an id names one task.
  const [first, second] = runs;
  const taken = new Set(first?.map((o) => o.n));
  if (second?.some((o) => taken.has(o.n))) return;
  for (const o of runs.flat()) {
    o.found.task.id = o.n;
    o.found.task.idFromFile = true;
  }
}

/** Two or more numbers and none repeated: the numbering runs on across the file. */
function runsOn(run: readonly Ordinal[]): boolean {
  return run.length >= 2 && new Set(run.map((o) => o.n)).size === run.length;
}

/**
 * `- Cloudflare DNS provider (#24)`: an item with no id of its own is called by the one issue its words end by
 * citing, where no other task cites it or has it for id (`(#126)` after several items done in one pull request
 * names none of them).
 */
export function issueIds(b: PassState, text: string): void {
  const live = b.issues.filter((o) => !o.found.dropped && !o.found.task.idFromFile);
  if (live.length === 0) return;
  // Cited once in the whole file (a row, a heading, another item citing it too would make it no one's), and no task's id.
  const cited = new Map<string, number>();
  for (const m of text.matchAll(/(?<![\p{L}\p{N}_#])#(\d{1,7})(?!\d)/gu)) cited.set(m[1]!, (cited.get(m[1]!) ?? 0) + 1);
  const ids = new Set(b.found.filter((f) => !f.dropped && f.task.idFromFile).map((f) => idKey(f.task.id)));
  for (const o of live) {
    if (cited.get(o.n.slice(1)) !== 1 || ids.has(idKey(o.n))) continue;
    o.found.task.id = o.n;
    o.found.task.idFromFile = true;
  }
}
