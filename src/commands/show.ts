// plan show <id>: every field of one task, with file:line.

import type { Context } from './context.js';
import { openPlan } from './context.js';
import type { Filters } from '../query/filter.js';
import { resolveTask } from '../query/resolve.js';
import { SCHEMA_VERSION, taskJson, toJson } from '../render/json.js';
import { tsv } from '../render/plain.js';
import type { Task } from '../model/types.js';
import { visibleTask } from '../render/visible.js';
import { dependencyFields } from '../render/deps.js';

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
    t = visibleTask(t); // a writer's task comes straight from the file
    const { fieldView, statusField } = await import('../render/fields.js');
    const fields = taskPairs(t, file).map(([key, value]) =>
      key === 'status' ? statusField(t.status, t.statusText) : { key, value: key === 'statusText' ? null : value },
    );
    ctx.out(fieldView([...fields, ...Object.entries(extra).map(([key, v]) => ({ key, value: String(v) }))], ctx.width));
  }
}

export async function show(ctx: Context, id: string, filters: Filters): Promise<number> {
  const { plan, display } = await openPlan(ctx);
  const task = resolveTask(plan.tasks, id, filters, display);
  await renderTask(ctx, task, display, dependencyFields(plan, task, ctx.mode === 'json'));
  return 0;
}
