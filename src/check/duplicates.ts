// The same id twice in one scope. Ids may repeat across sprints, weeks, months,
// phases, milestones or sections (`1.1` in every sprint); within one they must not,
// or `plan show 1.1` and `plan set 1.1` cannot tell the tasks apart.

import type { Problem, Task } from '../model/types.js';
import { SCOPE_KINDS } from '../model/types.js';
import { quote, type CheckInput } from './types.js';
import { LineIndex } from '../text/lines.js';
import { idKey } from '../read/ids.js';

function scopeKey(t: Task): string {
  return JSON.stringify([idKey(t.id), ...SCOPE_KINDS.map((k) => t[k]), t.section]);
}

export function checkDuplicateIds({ plan, text }: CheckInput): Problem[] {
  const first = new Map<string, Task>();
  const problems: Problem[] = [];
  let pos: LineIndex | null = null;
  for (const t of plan.tasks) {
    if (!t.idFromFile) continue; // derived references are not ids the file wrote
    const key = scopeKey(t);
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, t);
      continue;
    }
    pos ??= new LineIndex(text);
    problems.push({
      line: t.line,
      column: idColumn(t, pos),
      severity: 'error',
      code: 'duplicate-id',
      message: `id ${quote(t.id)} is used again (first on line ${earlier.line}) in the same ${where(t)}; give one of them another id`,
    });
  }
  return problems;
}

function where(t: Task): string {
  const scopes = SCOPE_KINDS.filter((k) => t[k] != null).map((k) => `${k} ${t[k]}`);
  if (t.section) scopes.push(`section "${t.section}"`);
  return scopes.length ? scopes.join(', ') : 'file';
}

/** Column of the task's id in its row or item. */
export function idColumn(t: Task, pos: LineIndex): number {
  const s = t.source;
  if (s.type === 'row') {
    const cell = s.columns.id !== undefined ? s.cells[s.columns.id] : s.cells[0];
    return pos.at(cell ? cell.start : s.row.start).column;
  }
  return pos.at((s.type === 'entry' ? (s.text ?? s.entry) : s.text).start).column;
}
