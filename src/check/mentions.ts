// A task written in several places (a summary bullet, an overview row, its own
// section: Task.mentions) whose places say different statuses: the file
// contradicts itself, and `plan set` writes every place at once.

import type { Problem, Task } from '../model/types.js';
import { showsStatus } from '../read/mentions.js';
import { LineIndex } from '../text/lines.js';
import { idColumn } from './duplicates.js';
import type { CheckInput } from './types.js';

export function checkMentionStatuses({ plan, text }: CheckInput): Problem[] {
  if (!plan.mentions) return [];
  const problems: Problem[] = [];
  let pos: LineIndex | null = null;
  for (const t of plan.tasks) {
    if (!t.mentions) continue;
    // Where the task's status is read: its own place, else the first of the others that shows one (mentions.ts).
    const source = showsStatus(t) ? t : t.mentions.find((m) => m.status !== 'none');
    if (!source) continue;
    for (const m of t.mentions) {
      if (m === source || !showsStatus(m) || m.status === 'none' || m.status === t.status) continue;
      pos ??= new LineIndex(text);
      problems.push({
        line: m.line,
        column: idColumn(m, pos),
        severity: 'warning',
        code: 'status-disagrees',
        message: `task ${t.id} is written as ${said(m)} here but as ${said(t)} on line ${source.line}; \`plan set ${t.id} <status>\` writes every place`,
      });
    }
  }
  return problems;
}

function said(t: Task): string {
  return t.status.replace('-', ' ');
}
