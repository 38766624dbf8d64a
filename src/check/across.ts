// plan check on a plan of several files: each file is checked on its own (its
// ids, tables, text), then its dependencies are looked at across the files. A
// reference its file cannot resolve is no problem when it names another file's
// task (`sprint2.md#1.3`, or an id only one task of the plan has); a bare id
// that several files have is an error, since which task it means cannot be
// known; tasks of several files that wait on each other are a cycle. An id
// repeated across files is no problem: the plan names it with its file.

import type { Plan, PlanPart, Problem, Task } from '../model/types.js';
import { DependencyGraph } from '../query/deps.js';
import { missingPrefix } from '../read/depends.js';
import { idKey } from '../read/ids.js';
import { runChecks } from './index.js';
import { quote } from './types.js';
import { idColumn } from './duplicates.js';
import { LineIndex } from '../text/lines.js';

export interface FileFindings {
  part: PlanPart;
  findings: Problem[];
}

/** Each file's problems, in the order of the plan's files; `textOf(k)`: file k's text. */
export function checkPlanFiles(plan: Plan, textOf: (k: number) => string): FileFindings[] {
  const graph = new DependencyGraph(plan);
  // Every task of the plan by its id within its file.
  const byId = new Map<string, Task[]>();
  for (const part of plan.parts!) {
    part.plan.tasks.forEach((local, i) => {
      const t = plan.tasks[part.first + i]!;
      const list = byId.get(idKey(local.id));
      if (list) list.push(t);
      else byId.set(idKey(local.id), [t]);
    });
  }
  const cycles = graph.any ? crossFileCycles(plan, graph) : [];
  return plan.parts!.map((part, k) => {
    const tasks = plan.tasks.slice(part.first, part.first + part.plan.tasks.length);
    const own = runChecks({ plan: part.plan, text: textOf(k), across: { graph, tasks } });
    const mine = cycles.filter((c) => c.part === part);
    if (mine.length) {
      const pos = new LineIndex(textOf(k));
      for (const c of mine) own.push({ line: c.local.line, column: idColumn(c.local, pos), severity: 'error', code: 'dependency-cycle', message: c.message });
      own.sort((a, b) => a.line - b.line || a.column - b.column);
    }
    const verdicts = dependencyVerdicts(part, tasks, graph, byId);
    const findings = own.flatMap((p) => {
      if (p.code !== 'dependency-missing') return [p];
      const verdict = verdictOf(p.message, verdicts);
      if (verdict === undefined) return [p];
      return verdict === null ? [] : [{ ...p, severity: 'error' as const, code: 'dependency-ambiguous', message: verdict }];
    });
    return { part, findings };
  });
}

/** The verdict on a `dependency-missing` message: looked up by each way its start may end (`",` after the quoted reference). */
function verdictOf(message: string, verdicts: Map<string, string | null>): string | null | undefined {
  for (let at = message.indexOf('",'); at >= 0; at = message.indexOf('",', at + 1)) {
    const verdict = verdicts.get(message.slice(0, at + 2));
    if (verdict !== undefined) return verdict;
  }
  return undefined;
}

/**
 * The references of the file's tasks that the file alone cannot resolve, by the start of the
 * `dependency-missing` message about each: null when another file's task answers it (no
 * problem), the message of a `dependency-ambiguous` error when several tasks of other files do.
 */
function dependencyVerdicts(part: PlanPart, tasks: readonly Task[], graph: DependencyGraph, byId: Map<string, Task[]>): Map<string, string | null> {
  const verdicts = new Map<string, string | null>();
  part.plan.tasks.forEach((local, i) => {
    for (const dep of graph.of(tasks[i]!)) {
      if (part.plan.dependencies?.[dep.ref]?.length) continue;
      const prefix = missingPrefix(local.id, dep.ref);
      if (dep.tasks.length) verdicts.set(prefix, null);
      else {
        const named = (byId.get(idKey(dep.ref)) ?? []).filter((t) => t !== tasks[i]);
        if (named.length < 2) continue;
        const refs = [...new Set(named.map((t) => t.id))];
        verdicts.set(
          prefix,
          `task ${local.id} depends on ${quote(dep.ref)}, which ${named.length} tasks of the plan have (${refs.slice(0, 4).join(', ')}${refs.length > 4 ? ', …' : ''}); name one with its file`,
        );
      }
    }
  });
  return verdicts;
}

/**
 * The dependency cycles that run through several files, which no file's own check can see: one
 * for each group of tasks that wait on each other (Tarjan's components, without recursion: a long
 * chain cannot exhaust the stack), reported at the group's first task in the plan's order.
 */
function crossFileCycles(plan: Plan, graph: DependencyGraph): { part: PlanPart; local: Task; message: string }[] {
  const next = (t: Task) => [...new Set(graph.of(t).flatMap((d) => d.tasks))];
  const index = new Map<Task, number>();
  const low = new Map<Task, number>();
  const stack: Task[] = [];
  const on = new Set<Task>();
  const groups: Task[][] = [];
  for (const root of plan.tasks) {
    if (index.has(root)) continue;
    const work: { t: Task; out: Task[]; i: number }[] = [];
    const enter = (t: Task) => {
      index.set(t, index.size);
      low.set(t, index.get(t)!);
      stack.push(t);
      on.add(t);
      work.push({ t, out: next(t), i: 0 });
    };
    enter(root);
    while (work.length) {
      const top = work[work.length - 1]!;
      if (top.i < top.out.length) {
        const w = top.out[top.i++]!;
        if (!index.has(w)) enter(w);
        else if (on.has(w)) low.set(top.t, Math.min(low.get(top.t)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length) low.set(work[work.length - 1]!.t, Math.min(low.get(work[work.length - 1]!.t)!, low.get(top.t)!));
      if (low.get(top.t) !== index.get(top.t)) continue;
      const group: Task[] = [];
      let w: Task;
      do {
        w = stack.pop()!;
        on.delete(w);
        group.push(w);
      } while (w !== top.t);
      if (new Set(group.map((t) => t.file)).size > 1) groups.push(group);
    }
  }
  const at = new Map(plan.tasks.map((t, i) => [t, i]));
  return groups.map((group) => {
    const first = group.reduce((a, b) => (at.get(a)! <= at.get(b)! ? a : b));
    const part = plan.parts!.find((p) => p.file === first.file)!;
    const names = [...cycleFrom(first, new Set(group), next), first].map((t) => t.id).join(' → ');
    return {
      part,
      local: part.plan.tasks[at.get(first)! - part.first]!,
      message: `dependency cycle across files: ${names}; no task of it can ever start: remove one of these dependencies`,
    };
  });
}

/** The shortest way from `start` back to itself within `group` (breadth first), as the tasks on it from `start`. */
function cycleFrom(start: Task, group: Set<Task>, next: (t: Task) => Task[]): Task[] {
  const parent = new Map<Task, Task>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const w of next(queue[i]!)) {
      if (!group.has(w)) continue;
      if (w === start) {
        const path = [queue[i]!];
        while (path[0] !== start) path.unshift(parent.get(path[0]!)!);
        return path;
      }
      if (!parent.has(w)) {
        parent.set(w, queue[i]!);
        queue.push(w);
      }
    }
  }
  return [start];
}
