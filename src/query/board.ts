// Tasks sorted into kanban columns: pending, in progress, blocked and done
// always; cancelled and no-status only when some task has them.

import type { Task } from '../model/types.js';
import type { Status } from '../model/status.js';

export interface BoardColumn {
  status: Status;
  tasks: Task[];
}

const ALWAYS: readonly Status[] = ['pending', 'in-progress', 'blocked', 'done'];
const WHEN_PRESENT: readonly Status[] = ['cancelled', 'none'];

export function boardColumns(tasks: readonly Task[]): BoardColumn[] {
  const present = new Set(tasks.map((t) => t.status));
  return [...ALWAYS, ...WHEN_PRESENT.filter((s) => present.has(s))].map((status) => ({
    status,
    tasks: tasks.filter((t) => t.status === status),
  }));
}
