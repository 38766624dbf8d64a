// Zod schemas of the MCP tools' arguments and results. The task object is the
// one `--json` prints (src/render/json.ts taskJson), so clients see one shape.

import { z } from 'zod';
import { STATUSES } from '../status.js';
import type { Filters } from '../query/filter.js';

/** A scope value such as a sprint or week number: text, or a number taken as its text. */
const scopeValue = (what: string) =>
  z
    .union([z.string(), z.number()])
    .transform((v) => String(v))
    .optional()
    .describe(what);

/** The filters of `plan list`; every one given narrows the tasks (AND). */
export const filterShape = {
  sprint: scopeValue('only tasks in this sprint, e.g. "8"'),
  week: scopeValue('only tasks in this week, e.g. "1" (a range like "2-6" matches 3)'),
  month: scopeValue('only tasks in this month'),
  phase: scopeValue('only tasks in this phase'),
  milestone: scopeValue('only tasks in this milestone'),
  section: z.string().optional().describe('only tasks under a heading containing this text'),
  status: z
    .string()
    .optional()
    .describe('only these statuses, comma-separated: done, in-progress, pending, blocked, cancelled, none, open (= not done or cancelled)'),
  owner: z.string().optional().describe('only tasks of this owner (case-insensitive)'),
  grep: z.string().optional().describe('only tasks whose fields contain this text'),
  line: z.number().int().positive().optional().describe('only the task on this 1-based line (to pick one of several equal ids)'),
};

/** Filters that only pick one task among several with the same id. */
export const scopeShape = {
  sprint: filterShape.sprint,
  week: filterShape.week,
  month: filterShape.month,
  phase: filterShape.phase,
  milestone: filterShape.milestone,
  section: filterShape.section,
  line: filterShape.line,
};

export type FilterArgs = {
  [K in keyof typeof filterShape]?: K extends 'line' ? number : string;
};

/** The tool arguments as the Filters of src/query/filter.ts (unset keys left out). */
export function filtersOf(args: FilterArgs): Filters {
  const f: Filters = {};
  for (const k of ['sprint', 'week', 'month', 'phase', 'milestone', 'section', 'status', 'owner', 'grep'] as const) {
    const v = args[k];
    if (v !== undefined) f[k] = v;
  }
  if (args.line !== undefined) f.line = String(args.line);
  return f;
}

export const idArg = z.string().min(1).describe('the task id, as `list_tasks` shows it (e.g. "1.2", "W3", "5.A")');

export const dryRunArg = z.boolean().optional().describe('return the diff of what would change and write nothing');

const nullableText = z.string().nullable();

export const taskSchema = z.object({
  id: z.string(),
  idFromFile: z.boolean(),
  kind: z.enum(['task', 'week', 'parent']),
  title: z.string(),
  status: z.enum(STATUSES),
  statusText: z.string(),
  owner: nullableText,
  notes: nullableText,
  priority: nullableText,
  sprint: nullableText,
  week: nullableText,
  month: nullableText,
  phase: nullableText,
  milestone: nullableText,
  section: nullableText,
  group: nullableText,
  line: z.number().int(),
  fields: z.record(z.string(), z.string()),
  dependsOn: z.array(z.string()),
});

const base = { schemaVersion: z.number().int(), file: z.string() };

export const listOutput = { ...base, tasks: z.array(taskSchema) };

export const showOutput = { ...base, task: taskSchema };

export const nextOutput = { ...base, task: taskSchema.nullable(), reason: z.string() };

const writeBase = {
  ...base,
  changed: z.boolean().describe('whether the change altered the file text'),
  written: z.boolean().describe('whether the file was written (false for dry_run or no change)'),
  diff: z.string().nullable().describe('unified diff of the change, null when nothing changed'),
};

export const setOutput = { ...writeBase, from: z.enum(STATUSES), to: z.enum(STATUSES), task: taskSchema };

export const claimOutput = {
  ...writeBase,
  claimed: z.boolean().describe('whether the task is (or, with dry_run, would be) claimed by owner; false when there was nothing to claim'),
  reason: z.string(),
  task: taskSchema.nullable(),
};

export const taskWriteOutput = { ...writeBase, task: taskSchema };

const counts = z.record(z.string(), z.number().int());

const figures = {
  done: z.number().int(),
  total: z.number().int(),
  percent: z.number().nullable(),
  counts,
};

export const summaryOutput = {
  ...base,
  groups: z.array(
    z.object({
      name: z.string(),
      kind: z.string(),
      value: z.string(),
      depth: z.number().int(),
      line: z.number().int(),
      from: z.enum(['heading', 'week-item']),
      headingStatus: z.enum(STATUSES).nullable(),
      ...figures,
      weekItems: z.array(
        z.object({ id: z.string(), title: z.string(), status: z.enum(STATUSES), statusText: z.string(), line: z.number().int() }),
      ),
    }),
  ),
  total: z.object(figures),
};

export const checkOutput = {
  ...base,
  problems: z.array(
    z.object({
      line: z.number().int(),
      column: z.number().int(),
      severity: z.enum(['error', 'warning', 'info']),
      code: z.string(),
      message: z.string(),
    }),
  ),
  errors: z.number().int(),
  warnings: z.number().int(),
};
