// Tab-separated output for pipes: a header line, one line per record, no ANSI.

import type { Task } from '../model/types.js';

/** The columns of a task list piped: an interface, so new ones are added at the end (`due`, `priority`: issue 23). */
const TASK_COLUMNS = ['id', 'kind', 'status', 'title', 'owner', 'notes', 'sprint', 'week', 'month', 'phase', 'line', 'due', 'priority'] as const;

const BREAKS = /[\t\r\n]/;

export function cleanField(v: unknown): string {
  if (v == null) return '';
  const s = String(v);
  // Most fields hold no tab or line break: tested first, they are not copied.
  return BREAKS.test(s) ? s.replace(/[\t\r\n]+/g, ' ') : s;
}

/** One line per row, built by appending (a list of 10,000 tasks prints with no array per row to join). */
export function tsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  let out = '';
  for (const r of [header, ...rows]) {
    for (let i = 0; i < r.length; i++) out += i === 0 ? cleanField(r[i]) : `\t${cleanField(r[i])}`;
    out += '\n';
  }
  return out;
}

function taskRow(t: Task): unknown[] {
  return [t.id, t.kind, t.status, t.title, t.owner, noteText(t), t.sprint, t.week, t.month, t.phase, t.line, t.due, t.priority];
}

/** A task's notes; for a task whose status cell holds no status, that text. */
export function noteText(t: Task): string | null {
  if (t.notes) return t.notes;
  if (t.status === 'none' && t.statusText && t.source.type === 'row') return t.statusText;
  return null;
}

export function plainTasks(tasks: Task[]): string {
  // A plan of several files adds the task's file as the last column.
  if (tasks.some((t) => t.file !== undefined))
    return tsv(
      [...TASK_COLUMNS, 'file'],
      tasks.map((t) => {
        const row = taskRow(t);
        row.push(t.file);
        return row;
      }),
    );
  return tsv(TASK_COLUMNS, tasks.map(taskRow));
}
