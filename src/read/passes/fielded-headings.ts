// A pass after reading: headings that each state their status in a field, and hold no
// tasks, are the entries of a backlog when the file has several.

import type { PassState } from './state.js';

/**
 * Headings that each say their state in a `**Status:**` field and hold no tasks
 * (`### iCal export per team` … `**Status:** Erledigt`) are entries of a backlog
 * when the file has several; a single one is more likely a document's own status.
 */
export function fieldedHeadingTasks(b: PassState): void {
  if (b.fielded.length < 2) return;
  for (const f of b.fielded) b.addHeadingTask(f.node, f.name, f.id, f.status);
}
