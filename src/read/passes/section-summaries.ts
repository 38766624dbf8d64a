// A pass after reading: a table with one row per section of the file summarises those
// sections, and its rows are not tasks of their own.

import type { Found, PassState } from './state.js';
import { hasLetter } from '../../text/char-tests.js';

/**
 * A table with one row per section of the file (`| S0 | Foundation | ✅ Done |` beside
 * `## S0 — Foundation`, whose section tracks tasks) summarises what those sections detail:
 * its rows are not tasks of their own, or the work would be counted twice. Ids without a letter (`1`, `2`) are too
 * common as section numbers to say so.
 */
export function dropSectionSummaries(b: PassState): void {
  const byTable = new Map<number, Found[]>();
  for (const f of b.found) {
    if (f.dropped || f.task.source.type !== 'row') continue;
    // Pushed, not copied: a copy per row made a table of 20,000 rows take 24 s.
    const rows = byTable.get(f.task.source.table);
    if (rows) rows.push(f);
    else byTable.set(f.task.source.table, [f]);
  }
  for (const rows of byTable.values()) {
    const ids = rows.map((f) => (f.task.idFromFile && hasLetter(f.task.id) ? f.task.id.toLowerCase() : ''));
    if (rows.length < 2 || ids.includes('') || new Set(ids).size !== ids.length) continue;
    const named = ids.filter((id) => b.headings.some((h, i) => b.working.has(i) && namesSection(h.name, id)));
    if (named.length < 2 || named.length * 3 < ids.length * 2) continue;
    for (const f of rows) b.drop(f);
    const src = rows[0]!.task.source;
    if (src.type === 'row') b.tables[src.table]!.reason = 'summary';
  }
}

/** `S0 — Foundation` and `Phase 1: Basics` are the sections `s0` and `phase 1` (not `phase 1.5`'s). */
function namesSection(heading: string, id: string): boolean {
  const name = heading.toLowerCase();
  if (!name.startsWith(id)) return false;
  const after = name.slice(id.length);
  return !/^(?:[\p{L}\p{N}]|[.,]\p{N})/u.test(after);
}
