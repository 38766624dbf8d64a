// Status cells that hold no status plan recognises: the task reads as `none`,
// and `plan next` / `plan summary` cannot place it.

import type { Problem } from '../model/types.js';
import { Positions, quote, type CheckInput } from './types.js';

export function checkUnknownStatuses({ plan, text }: CheckInput): Problem[] {
  const problems: Problem[] = [];
  let pos: Positions | null = null;
  for (const t of plan.tasks) {
    const s = t.source;
    if (s.type !== 'row' || s.columns.status === undefined || t.status !== 'none') continue;
    const written = t.statusText.trim();
    if (!written) continue; // an empty cell states no status; that is not a vocabulary problem
    const cell = s.cells[s.columns.status];
    pos ??= new Positions(text);
    problems.push({
      line: t.line,
      column: cell ? pos.at(cell.start).column : 1,
      severity: 'warning',
      code: 'unknown-status',
      message:
        `status ${quote(written)} (task ${t.id}) is not one plan knows; write ✅ Done, 🔄 In Progress, ⏳ Pending, ⛔ Blocked or 🚫 Cancelled, ` +
        `or map it to a status in the front matter (\`plan: statuses: {${yamlKey(written)}: pending}\`) or in .planrc.json`,
    });
  }
  return problems;
}

/** The cell text as a YAML flow-mapping key (a placeholder when too long to quote whole). */
function yamlKey(s: string): string {
  if ([...s].length > 40) return '"<this text>"';
  return /^[\p{L}\p{N} _-]+$/u.test(s) ? s : JSON.stringify(s);
}
