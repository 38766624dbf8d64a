// One task, every field: the terminal view, TSV of field/value pairs, or JSON
// (plan show, next, claim and add print it).

import { SCOPE_KINDS, type Task } from '../model/types.js';
import { SCHEMA_VERSION, taskJson, toJson } from './json.js';
import { tsv } from './plain.js';
import type { Printer } from './printer.js';
import { visibleTask } from './visible.js';

function taskPairs(t: Task, file: string): [string, string | null][] {
  return [
    ['id', t.id],
    ['kind', t.kind],
    ['title', t.title],
    ['status', t.status],
    ['statusText', t.statusText],
    // Only where the boxes under a heading give its status: other tasks' pairs stay as they were.
    ...(t.statusFrom ? [['statusFrom', t.statusFrom] as [string, string]] : []),
    ['owner', t.owner],
    ['notes', t.notes],
    ['priority', t.priority],
    ...SCOPE_KINDS.map((k): [string, string | null] => [k, t[k]]),
    ['section', t.section],
    ...Object.entries(t.fields).map(([k, v]): [string, string] => [k, v]),
    // The typed fields where the task has them (src/read/fields.ts): a task without them shows as before.
    ...typedPairs(t),
    ['location', `${t.file ?? file}:${t.line}`],
  ];
}

function typedPairs(t: Task): [string, string][] {
  const pairs: [string, string | undefined][] = [
    ['due', t.due],
    ['scheduled', t.scheduled],
    ['start', t.start],
    ['doneDate', t.doneDate],
    ['priorityLevel', t.priorityLevel],
    ['tags', t.tags?.join(', ')],
  ];
  return pairs.filter((p): p is [string, string] => !!p[1]);
}

export async function renderTask(ctx: Printer, t: Task, file: string, extra: Record<string, unknown> = {}): Promise<void> {
  if (ctx.mode === 'json') {
    ctx.out(toJson({ schemaVersion: SCHEMA_VERSION, file, task: taskJson(t), ...extra }));
  } else if (ctx.mode === 'plain') {
    const pairs = [...taskPairs(t, file), ...Object.entries(extra).map(([k, v]): [string, string] => [k, String(v)])];
    ctx.out(tsv(['field', 'value'], pairs));
  } else {
    t = visibleTask(t); // a writer's task comes straight from the file
    const { fieldView, statusField } = await import('./fields.js');
    const fields = taskPairs(t, file).map(([key, value]) =>
      key === 'status'
        ? statusField(t.status, t.statusFrom ? 'from its checklist' : t.statusText)
        : { key, value: key === 'statusText' || key === 'statusFrom' ? null : value },
    );
    ctx.out(fieldView([...fields, ...Object.entries(extra).map(([key, v]) => ({ key, value: String(v) }))], ctx.width));
  }
}
