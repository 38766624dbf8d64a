// A pass after reading: a table with one row per section of the file summarises those
// sections, and a table that gives tasks listed elsewhere only a place in the plan traces
// them; the rows of either are not tasks of their own.

import type { Found, PassState } from './state.js';
import { hasLetter } from '../../text/char-tests.js';
import { idKey } from '../ids.js';
import { splitId } from '../names.js';

/**
 * A table with one row per section of the file (`| S0 | Foundation | ✅ Done |` beside
 * `## S0 — Foundation`, whose section tracks tasks) summarises what those sections detail:
 * its rows are not tasks of their own, or the work would be counted twice. Ids without a letter (`1`, `2`) are too
 * common as section numbers to say so.
 */
export function dropSectionSummaries(b: PassState): void {
  const byTable = rowsByTable(b);
  for (const rows of byTable.values()) {
    const ids = rows.map((f) => (f.task.idFromFile && hasLetter(f.task.id) ? f.task.id.toLowerCase() : ''));
    if (rows.length < 2 || ids.includes('') || new Set(ids).size !== ids.length) continue;
    const named = ids.filter((id) => b.headings.some((h, i) => b.working.has(i) && namesSection(h.name, id)));
    if (named.length < 2 || named.length * 3 < ids.length * 2) continue;
    dropTable(b, rows, 'summary');
  }
  dropTraces(b, byTable);
}

/**
 * `| AUTH-01 | Phase 1 | Complete |` below the checklist item `- [x] **AUTH-01**: …`: a table whose rows each give
 * the id of a task listed elsewhere in the file and, for a title, only where it is scheduled (a phase, a sprint, a
 * number) traces those tasks to the plan; its rows are not tasks of their own, or the work would be counted twice.
 * Where the tasks listed say no status themselves (`- **US-1**: …`), the table is where their statuses are kept.
 */
function dropTraces(b: PassState, byTable: Map<number, Found[]>): void {
  // Only tasks that say their own status: the trace's rows must not hold the only statuses of the work.
  const listed = b.found.filter((f) => !f.dropped && f.task.source.type !== 'row' && f.task.idFromFile && f.task.status !== 'none');
  if (listed.length < 2) return;
  const others = new Set(listed.map((f) => idKey(f.task.id)));
  for (const rows of byTable.values()) {
    if (rows.length < 2 || rows.some((f) => f.dropped || !f.task.idFromFile || !placeOnly(f.task.title))) continue;
    const traced = rows.filter((f) => others.has(idKey(f.task.id))).length;
    if (traced * 3 >= rows.length * 2) dropTable(b, rows, 'trace');
  }
}

/** `Phase 1`, `Sprint 2`, `3`: a title that only says where the work is scheduled. */
function placeOnly(title: string): boolean {
  const t = title.trim();
  if (/^\d{1,4}(?:\.\d{1,4})*$/u.test(t)) return true;
  const split = splitId(t);
  return split.scope && split.rest.trim() === '';
}

function dropTable(b: PassState, rows: Found[], reason: 'summary' | 'trace'): void {
  for (const f of rows) b.drop(f);
  const src = rows[0]!.task.source;
  if (src.type === 'row') b.tables[src.table]!.reason = reason;
}

/** The row tasks not dropped, by the index of their table. */
function rowsByTable(b: PassState): Map<number, Found[]> {
  const byTable = new Map<number, Found[]>();
  for (const f of b.found) {
    if (f.dropped || f.task.source.type !== 'row') continue;
    // Pushed, not copied: a copy per row made a table of 20,000 rows take 24 s.
    const rows = byTable.get(f.task.source.table);
    if (rows) rows.push(f);
    else byTable.set(f.task.source.table, [f]);
  }
  return byTable;
}

/** `S0 — Foundation` and `Phase 1: Basics` are the sections `s0` and `phase 1` (not `phase 1.5`'s). */
function namesSection(heading: string, id: string): boolean {
  const name = heading.toLowerCase();
  if (!name.startsWith(id)) return false;
  const after = name.slice(id.length);
  return !/^(?:[\p{L}\p{N}]|[.,]\p{N})/u.test(after);
}
