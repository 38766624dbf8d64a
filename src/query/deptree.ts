// The part of the dependency graph `plan deps` shows: from one task, or from
// every task nothing else depends on, down through what each depends on.
// Nodes are tasks, whole scopes (`Phase 2`, whose members follow it) and
// references that name no task.

import type { Plan, Task } from '../model/types.js';
import { isFinished, type Status } from '../model/status.js';
import { DependencyGraph } from './deps.js';
import { countIds, idOrLine } from '../read/ids.js';

export interface DepNode {
  /** How plan names it: a task's id (`L<line>` when the id is shared), a scope (`Phase 2`), or `?` and the text of a reference to nothing. */
  key: string;
  kind: 'task' | 'scope' | 'unresolved';
  task: Task | null;
  title: string;
  /** A task's status; a scope's: done when all its tasks are, in progress once one is started or done, else pending. */
  status: Status | null;
  line: number | null;
}

export interface DepView {
  nodes: Map<string, DepNode>;
  /** [dependent, dependency] keys, in the order found. */
  edges: [string, string][];
  /** Children of each node (its dependencies; a scope's members), in order. */
  children: Map<string, string[]>;
  roots: string[];
}

const SCOPE_REF = /^(?:Sprint|Week|Month|Phase|Milestone) \S+$/;

export function dependencyView(plan: Plan, root?: Task): DepView {
  const graph = new DependencyGraph(plan);
  const counts = countIds(plan.tasks);
  const keyOf = (t: Task) => idOrLine(t, counts);
  const view: DepView = { nodes: new Map(), edges: [], children: new Map(), roots: [] };
  const taskNode = (t: Task): string => {
    const key = keyOf(t);
    if (!view.nodes.has(key)) view.nodes.set(key, { key, kind: 'task', task: t, title: t.title, status: t.status, line: t.line });
    return key;
  };
  const queue: Task[] = [];
  let head = 0;
  const expanded = new Set<string>();
  const visit = (t: Task) => {
    const key = taskNode(t);
    if (expanded.has(key)) return;
    expanded.add(key);
    const kids: string[] = [];
    for (const d of graph.of(t)) {
      if (d.tasks.length === 0) {
        const k = `?${d.ref}`;
        view.nodes.set(k, { key: k, kind: 'unresolved', task: null, title: d.ref, status: null, line: null });
        kids.push(k);
      } else if (SCOPE_REF.test(d.ref) && !(d.tasks.length === 1 && keyOf(d.tasks[0]!) === d.ref)) {
        if (!view.nodes.has(d.ref)) {
          view.nodes.set(d.ref, { key: d.ref, kind: 'scope', task: null, title: d.ref, status: scopeStatus(d.tasks), line: null });
          view.children.set(d.ref, d.tasks.map(taskNode));
          for (const m of d.tasks) view.edges.push([d.ref, keyOf(m)]);
          queue.push(...d.tasks);
        }
        kids.push(d.ref);
      } else {
        kids.push(taskNode(d.tasks[0]!));
        queue.push(d.tasks[0]!);
      }
    }
    view.children.set(key, kids);
    for (const k of kids) view.edges.push([key, k]);
  };
  const starts = root ? [root] : plan.tasks.filter((t) => t.dependsOn.length > 0 && graph.dependents(t).length === 0);
  for (const t of starts) view.roots.push(taskNode(t));
  const drain = () => {
    while (head < queue.length) visit(queue[head++]!);
  };
  queue.push(...starts);
  drain();
  if (!root) {
    // Tasks only in cycles have dependents, so no root reaches them: start from each.
    for (const t of plan.tasks) {
      if (t.dependsOn.length === 0 || expanded.has(keyOf(t))) continue;
      view.roots.push(taskNode(t));
      queue.push(t);
      drain();
    }
  }
  return view;
}

function scopeStatus(tasks: Task[]): Status {
  if (tasks.every((t) => isFinished(t.status))) return 'done';
  return tasks.some((t) => t.status === 'done' || t.status === 'in-progress') ? 'in-progress' : 'pending';
}
