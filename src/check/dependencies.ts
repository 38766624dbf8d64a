// Done tasks whose dependencies are still open: the file says the work was
// finished before what it needed. (Unresolved references and cycles do not
// depend on statuses: the model reports them when it reads the file.)

import type { Problem, Task } from '../model/types.js';
import { DependencyGraph } from '../query/deps.js';
import { isFinished } from '../model/status.js';
import type { CheckInput } from './types.js';
import { LineIndex } from '../text/lines.js';

export function checkOpenDependencies({ plan, text, across }: CheckInput): Problem[] {
  // In a plan of several files, the whole plan's graph: a done task may wait on another file's task.
  const graph = across?.graph ?? new DependencyGraph(plan);
  return graph.any ? openDependencies(across?.tasks ?? plan.tasks, graph, text) : [];
}

/** The done tasks of `tasks` (all of one file, whose text is `text`) with dependencies `graph` says are open. */
function openDependencies(tasks: readonly Task[], graph: DependencyGraph, text: string): Problem[] {
  const problems: Problem[] = [];
  let pos: LineIndex | null = null;
  for (const t of tasks) {
    if (t.status !== 'done') continue;
    const open = graph
      .of(t)
      .flatMap((d) => d.tasks)
      .filter((x) => !isFinished(x.status));
    if (open.length === 0) continue;
    pos ??= new LineIndex(text);
    const names = [...new Set(open.map((x) => `${x.id} (${x.status})`))];
    problems.push({
      line: t.line,
      column: pos.at(statusOffset(t)).column,
      severity: 'warning',
      code: 'dependency-open',
      message: `task ${t.id} is done but depends on ${names.slice(0, 5).join(', ')}${names.length > 5 ? ` and ${names.length - 5} more` : ''}; finish those, or correct the status or the dependency`,
    });
  }
  return problems;
}

/** Where the task's status is written (its status cell, checkbox or mark), else where the task starts. */
function statusOffset(t: Task): number {
  const s = t.source;
  if (s.type === 'row') return (s.columns.status !== undefined ? s.cells[s.columns.status]?.start : undefined) ?? s.row.start;
  if (s.type === 'item') return (s.checkbox ?? s.statusMark ?? s.statusTail ?? s.item).start;
  if (s.type === 'entry') return (s.status ?? s.entry).start;
  return s.status && s.status.start >= s.heading.start && s.status.end <= s.heading.end ? s.status.start : s.heading.start;
}
