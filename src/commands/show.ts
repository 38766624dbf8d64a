// plan show <id>: every field of one task, with file:line.

import type { Context } from './context.js';
import { openPlan } from './context.js';
import type { Filters } from '../query/filter.js';
import { resolveTask } from '../query/resolve.js';
import { SCHEMA_VERSION, taskJson, toJson } from '../render/json.js';
import { tsv } from '../render/plain.js';
import type { Plan, Task } from '../model/types.js';
import { DependencyGraph, type Dependency } from '../query/deps.js';

export function taskPairs(t: Task, file: string): [string, string | null][] {
  return [
    ['id', t.id],
    ['kind', t.kind],
    ['title', t.title],
    ['status', t.status],
    ['statusText', t.statusText],
    ['owner', t.owner],
    ['notes', t.notes],
    ['priority', t.priority],
    ['sprint', t.sprint],
    ['week', t.week],
    ['month', t.month],
    ['phase', t.phase],
    ['milestone', t.milestone],
    ['section', t.section],
    ...Object.entries(t.fields).map(([k, v]): [string, string] => [k, v]),
    ['location', `${file}:${t.line}`],
  ];
}

export async function renderTask(ctx: Context, t: Task, file: string, extra: Record<string, unknown> = {}): Promise<void> {
  if (ctx.mode === 'json') {
    ctx.out(toJson({ schemaVersion: SCHEMA_VERSION, file, task: taskJson(t), ...extra }));
  } else if (ctx.mode === 'plain') {
    const pairs = [...taskPairs(t, file), ...Object.entries(extra).map(([k, v]): [string, string] => [k, String(v)])];
    ctx.out(tsv(['field', 'value'], pairs));
  } else {
    const { keyValues, statusLabel } = await import('../render/table.js');
    const pairs = taskPairs(t, file).map(([k, v]): [string, string | null] =>
      k === 'status' ? [k, `${statusLabel(t.status)}${t.statusText ? `  (${t.statusText})` : ''}`] : k === 'statusText' ? [k, null] : [k, v],
    );
    ctx.out(keyValues([...pairs, ...Object.entries(extra).map(([k, v]): [string, string] => [k, String(v)])]));
  }
}

function brief(t: Task) {
  return { id: t.id, title: t.title, status: t.status, line: t.line };
}

/** `1.2 Schema (done)`; a scope: `Phase 2 (2 of 3 done)`; a reference that names no task: `"Auth live" (no such task)`. */
function dependencyText(d: Dependency): string {
  if (d.tasks.length === 0) return `${JSON.stringify(d.ref)} (no such task)`;
  if (d.tasks.length === 1 && d.tasks[0]!.id === d.ref) return `${d.ref} ${d.tasks[0]!.title} (${d.tasks[0]!.status})`;
  if (d.tasks.length === 1) return `${d.tasks[0]!.id} ${d.tasks[0]!.title} (${d.tasks[0]!.status}, line ${d.tasks[0]!.line})`;
  return `${d.ref} (${d.tasks.filter((t) => t.status === 'done').length} of ${d.tasks.length} done)`;
}

/** A task's dependencies and dependents, with their statuses: objects for JSON, lines of text otherwise. */
export function dependencyFields(plan: Plan, t: Task, json: boolean): Record<string, unknown> {
  const graph = new DependencyGraph(plan);
  const deps = graph.of(t);
  const dependents = graph.dependents(t);
  if (json) {
    return {
      dependencies: deps.map((d) => ({ ref: d.ref, resolved: d.tasks.length > 0, tasks: d.tasks.map(brief) })),
      dependents: dependents.map(brief),
    };
  }
  const out: Record<string, string> = {};
  if (deps.length) out['depends on'] = deps.map(dependencyText).join('; ');
  if (dependents.length) out['needed by'] = dependents.map((d) => `${d.id} ${d.title} (${d.status})`).join('; ');
  return out;
}

export async function show(ctx: Context, id: string, filters: Filters): Promise<number> {
  const { plan, display } = await openPlan(ctx);
  const task = resolveTask(plan.tasks, id, filters, display);
  await renderTask(ctx, task, display, dependencyFields(plan, task, ctx.mode === 'json'));
  return 0;
}
