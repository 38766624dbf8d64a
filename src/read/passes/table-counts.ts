// A pass after the tasks are final: where each table's tasks sit in the list of tasks
// (its first task and how many), which the writers use to find a table's rows.

import type { Task } from '../../model/types.js';
import type { PassState } from './state.js';

export function countTableTasks(b: PassState, tasks: Task[]): void {
  const seen = new Set<number>();
  tasks.forEach((t, i) => {
    if (t.source.type !== 'row') return;
    const info = b.tables[t.source.table]!;
    if (!seen.has(t.source.table)) {
      seen.add(t.source.table);
      info.firstTask = i;
      info.taskCount = 0;
    }
    info.taskCount++;
  });
  b.tables.forEach((info, i) => {
    if (!seen.has(i)) info.firstTask = tasks.length;
  });
}
