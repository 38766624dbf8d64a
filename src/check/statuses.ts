// Status cells that hold no status plan recognises: the task reads as `none`,
// and `plan next` / `plan summary` cannot place it.

import { quote, type CheckInput, type Finding } from './types.js';
import { some } from './collapse.js';
import { LineIndex } from '../text/lines.js';

const WRITE_INSTEAD = 'write ✅ Done, 🔄 In Progress, ⏳ Pending, ⛔ Blocked or 🚫 Cancelled';

export function checkUnknownStatuses({ plan, text }: CheckInput): Finding[] {
  const problems: Finding[] = [];
  const cells = new Map<Finding, { text: string; id: string }>();
  let pos: LineIndex | null = null;
  for (const t of plan.tasks) {
    const s = t.source;
    if (s.type !== 'row' || s.columns.status === undefined || t.status !== 'none') continue;
    const written = t.statusText.trim();
    if (!written) continue; // an empty cell states no status; that is not a vocabulary problem
    const cell = s.cells[s.columns.status];
    pos ??= new LineIndex(text);
    const finding: Finding = {
      line: t.line,
      column: cell ? pos.at(cell.start).column : 1,
      severity: 'warning',
      code: 'unknown-status',
      message:
        `status ${quote(written)} (task ${t.id}) is not one plan knows; ${WRITE_INSTEAD}, ` +
        `or map it to a status in the front matter (\`plan: statuses: {${yamlKey(written)}: pending}\`) or in .planrc.json`,
      group: { key: `unknown-status:${s.table}`, summary: (all) => columnSummary(all.map((f) => cells.get(f)!)) },
    };
    cells.set(finding, { text: written, id: t.id });
    problems.push(finding);
  }
  return problems;
}

/** A table whose Status cells hold no status, row after row: most likely notes under a Status header. */
function columnSummary(cells: { text: string; id: string }[]): string {
  return (
    `${cells.length} status cells of this table hold no status plan knows (${some(
      cells.map((c) => quote(c.text, 24)),
      2,
    )}; ` +
    `tasks ${some(cells.map((c) => c.id))}): if the column holds notes, name it Notes; else ${WRITE_INSTEAD}, ` +
    `or map the words to statuses in the front matter (\`plan: statuses: {…: pending}\`) or in .planrc.json`
  );
}

/** The cell text as a YAML flow-mapping key (a placeholder when too long to quote whole). */
function yamlKey(s: string): string {
  if ([...s].length > 40) return '"<this text>"';
  return /^[\p{L}\p{N} _-]+$/u.test(s) ? s : JSON.stringify(s);
}
