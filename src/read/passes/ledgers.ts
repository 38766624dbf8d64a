// A pass after reading: a ledger row that names a heading task with no status of its
// own gives it that status, and is not a task itself.

import type { Task } from '../../model/types.js';
import type { Found, PassState } from './state.js';

/**
 * A ledger row (`| Task 4 | completed |`) that names a heading task with no
 * status of its own gives it that status, and is not a task itself; so does one naming a heading task whose only
 * status is the lane it stands in (`## 🐛 Bugs to fix` › `### BUG-39: …` over `| BUG-39 | … | ✅ Fixed |`).
 */
export function mergeLedgers(b: PassState): void {
  const rowsById = new Map<string, Found[]>();
  for (const f of b.found) {
    if (f.dropped || f.task.source.type !== 'row' || !f.task.idFromFile) continue;
    const key = f.task.id.toLowerCase();
    const rows = rowsById.get(key);
    if (rows) rows.push(f);
    else rowsById.set(key, [f]);
  }
  for (const h of b.headingTasks) {
    if ((h.task.status !== 'none' && !h.placed) || !h.task.idFromFile) continue;
    const rows = rowsById.get(h.task.id.toLowerCase());
    if (rows?.length !== 1) continue;
    const row = rows[0]!;
    const src = row.task.source as Extract<Task['source'], { type: 'row' }>;
    const cell = src.columns.status !== undefined ? src.cells[src.columns.status] : undefined;
    if (!cell || h.task.source.type !== 'heading') continue;
    h.task.status = row.task.status;
    h.task.statusText = row.task.statusText;
    h.task.owner = row.task.owner;
    h.task.source.status = cell;
    row.dropped = true;
  }
}
