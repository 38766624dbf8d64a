// Lean output for agents: `--fields id,title,status` keeps only those fields
// of each task (in every output mode), `--limit N` only the first N tasks.

import { SCOPE_KINDS, type Task } from '../model/types.js';
import { UsageError } from '../system/errors.js';
import { taskJson, type TaskJson } from './json.js';
import { cleanField, tsv } from './plain.js';

export type FieldName = keyof TaskJson;

/** Every field a task has in `--json`, in that order. */
const TASK_FIELDS: readonly FieldName[] = [
  'id',
  'idFromFile',
  'kind',
  'title',
  'status',
  'statusText',
  'owner',
  'notes',
  'priority',
  ...SCOPE_KINDS,
  'section',
  'group',
  'line',
  'fields',
  'dependsOn',
  'places',
  'priorityLevel',
  'due',
  'scheduled',
  'start',
  'doneDate',
  'tags',
  'file',
  'estimate',
  'recurrence',
  'statusFrom',
];

/** `id,title,status` (or a list) → the fields, `id` always first: a task is acted on by its id. */
export function parseFields(spec: string | readonly string[] | undefined): FieldName[] | null {
  if (spec === undefined) return null;
  const names = (typeof spec === 'string' ? spec.split(',') : spec).map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(TASK_FIELDS as readonly string[]).includes(n));
  if (unknown.length) {
    throw new UsageError(
      `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => JSON.stringify(u)).join(', ')}; use any of ${TASK_FIELDS.join(', ')}`,
    );
  }
  return ['id', ...new Set(names.filter((n) => n !== 'id'))] as FieldName[];
}

/** `--limit` as a positive whole number. */
export function parseLimit(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'number' ? value : /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`--limit takes a whole number of tasks, 1 or more (got ${JSON.stringify(String(value))})`);
  return n;
}

/** A task's JSON with only the fields asked for (all of them without `fields`). */
export function taskFields(t: Task, fields: readonly FieldName[] | null): Partial<TaskJson> {
  const all = taskJson(t);
  if (!fields) return all;
  return Object.fromEntries(fields.map((f) => [f, all[f]]));
}

/** A field's value as one TSV or table cell. */
export function fieldCell(v: unknown): string {
  if (Array.isArray(v)) return v.map((x: unknown) => (x !== null && typeof x === 'object' ? JSON.stringify(x) : String(x))).join(',');
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return cleanField(v);
}

export function fieldsTsv(tasks: Task[], fields: readonly FieldName[]): string {
  return tsv(
    fields,
    tasks.map((t) => fields.map((f) => fieldCell(taskFields(t, fields)[f]))),
  );
}
