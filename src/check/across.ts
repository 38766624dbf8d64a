// plan check on a plan of several files: each file is checked on its own (its
// ids, tables, text), then its dependencies are looked at across the files. A
// reference its file cannot resolve is no problem when it names another file's
// task (`sprint2.md#1.3`, or an id only one task of the plan has); a bare id
// that several files have is an error, since which task it means cannot be
// known. An id repeated across files is no problem: the plan names it with its file.

import type { Plan, PlanPart, Problem, Task } from '../model/types.js';
import { DependencyGraph } from '../query/deps.js';
import { missingPrefix } from '../read/depends.js';
import { idKey } from '../read/ids.js';
import { runChecks } from './index.js';
import { quote } from './types.js';

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
  return plan.parts!.map((part, k) => {
    const tasks = plan.tasks.slice(part.first, part.first + part.plan.tasks.length);
    const own = runChecks({ plan: part.plan, text: textOf(k), across: { graph, tasks } });
    const verdicts = dependencyVerdicts(part, tasks, graph, byId);
    const findings = own.flatMap((p) => {
      if (p.code !== 'dependency-missing') return [p];
      const prefix = [...verdicts.keys()].find((key) => p.message.startsWith(key));
      const verdict = prefix === undefined ? undefined : verdicts.get(prefix);
      if (verdict === undefined) return [p];
      return verdict === null ? [] : [{ ...p, severity: 'error' as const, code: 'dependency-ambiguous', message: verdict }];
    });
    return { part, findings };
  });
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
