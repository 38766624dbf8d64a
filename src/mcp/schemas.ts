// Zod schemas of the MCP tools' arguments and results. The task object is the
// one `--json` prints (src/render/json.ts taskJson), so clients see one shape.

import { z } from 'zod';
import { STATUSES } from '../model/status.js';
import { FILTER_NAMES, type FilterName, type Filters } from '../query/filter.js';
import { FILTER_USES, FILTERS, type FilterUseName, type FilterValue } from '../interface/filter-table.js';
import { SCOPE_KINDS, type ScopeKind } from '../model/types.js';

/** A filter's argument: text, or a number taken as its text (scopes), or a line number. */
type FilterArg = z.ZodOptional<z.ZodType<string | number | boolean, string | number | boolean>>;

/** Each kind of filter value as a tool argument (src/interface/filter-table.ts says which filter has which). */
const FILTER_ARGS: Record<FilterValue, () => FilterArg> = {
  scope: () =>
    z
      .union([z.string(), z.number()])
      .transform((v) => String(v))
      .optional(),
  text: () => z.string().optional(),
  statuses: () => z.string().optional(),
  line: () => z.number().int().positive().optional(),
  flag: () => z.boolean().optional(),
};

/**
 * The arguments of the filters a tool takes, as its command takes them (a
 * FILTER_USES entry), less those it takes as arguments of its own (`owner`
 * for next_task, `status` for set_status). Every one given narrows the tasks
 * (AND). They are explained once, in the server's instructions, rather than
 * in every tool.
 */
export function filterArgs<U extends FilterUseName, E extends FilterName = never>(
  use: U,
  except: readonly E[] = [],
): Record<Exclude<(typeof FILTER_USES)[U]['names'][number], E>, FilterArg> {
  const names = FILTER_USES[use].names.filter((n) => !(except as readonly FilterName[]).includes(n));
  return Object.fromEntries(names.map((n) => [n, FILTER_ARGS[FILTERS.find((f) => f.name === n)!.value]()])) as never;
}

export type FilterArgs = Partial<Record<FilterName, string | number | boolean>>;

/** The tool arguments as the Filters of src/query/filter.ts (unset keys left out). */
export function filtersOf(args: FilterArgs): Filters {
  const f: Filters = {};
  for (const k of FILTER_NAMES) {
    const v = args[k];
    if (v !== undefined && v !== false) (f as Record<string, unknown>)[k] = String(v);
  }
  return f;
}

/** A task id; a number (`1.3`, as the MCP Inspector sends `id=1.3`) is taken as its decimal text (see idText). */
export const idArg = z.union([z.string().min(1), z.number().finite()]).describe('task id as list_tasks shows it; a number is read as its text (1.3 → "1.3")');

export const dryRunArg = z.boolean().optional().describe('return the diff, write nothing');

/** Lean results: only some fields of each task, and at most so many tasks. */
export const leanShape = {
  fields: z.array(z.string()).optional().describe('task fields to return (id always), e.g. ["id","title","status"]'),
  limit: z.number().int().positive().optional(),
};

/** `--sort` of list and ready. */
export const sortArg = z.string().optional();

export const allowCancelledArg = z.boolean().optional().describe('a cancelled dependency counts as done');

const nullableText = z.string().nullable();

const taskSchema = z.object({
  id: z.string(),
  idFromFile: z.boolean(),
  kind: z.enum(['task', 'week', 'parent']),
  title: z.string(),
  status: z.enum(STATUSES),
  statusText: z.string(),
  owner: nullableText,
  notes: nullableText,
  priority: nullableText,
  ...(Object.fromEntries(SCOPE_KINDS.map((k) => [k, nullableText])) as Record<ScopeKind, typeof nullableText>),
  section: nullableText,
  group: nullableText,
  line: z.number().int(),
  fields: z.record(z.string(), z.string()),
  dependsOn: z.array(z.string()),
  places: z.array(z.unknown()),
});

const base = { schemaVersion: z.number().int(), file: z.string() };

/** A task in a write's or next_task's result: every field list_tasks gives; the main ones are announced. */
const taskBrief = z
  .looseObject({ id: z.string(), title: z.string(), status: z.enum(STATUSES), line: z.number().int() })
  .describe('the task, with every field list_tasks gives');

/** With `fields`, a task carries only those (and its id). */
const leanTask = taskSchema.partial().required({ id: true });

export const listOutput = { ...base, tasks: z.array(leanTask) };

export const readyOutput = { ...base, tasks: z.array(leanTask), waiting: z.number().int().describe('open tasks left out: they wait on a dependency') };

const brief = z.looseObject({ id: z.string(), status: z.enum(STATUSES) });

export const showOutput = {
  ...base,
  task: taskSchema,
  dependencies: z.array(z.object({ ref: z.string(), resolved: z.boolean(), tasks: z.array(brief) })).describe('what the task waits on'),
  dependents: z.array(brief).describe('the tasks that wait on it'),
};

const waitingSchema = z.array(z.looseObject({ id: z.string(), waitingOn: z.array(z.looseObject({ id: z.string(), status: z.enum(STATUSES) })) }));

export const nextOutput = { ...base, task: taskBrief.nullable(), reason: z.string(), waiting: waitingSchema.optional() };

const writeBase = {
  ...base,
  changed: z.boolean(),
  written: z.boolean().describe('false for dry_run or no change'),
  diff: z.string().nullable().describe('unified diff; null when nothing changed'),
};

export const setOutput = { ...writeBase, from: z.enum(STATUSES), to: z.enum(STATUSES), task: taskBrief };

export const claimOutput = {
  ...writeBase,
  claimed: z.boolean(),
  reason: z.string(),
  task: taskBrief.nullable(),
};

export const taskWriteOutput = { ...writeBase, task: taskBrief };

const counts = z.record(z.string(), z.number().int());

const figures = {
  done: z.number().int(),
  total: z.number().int(),
  percent: z.number().nullable(),
  counts,
  overdue: z.number().int(),
};

export const summaryOutput = {
  ...base,
  groups: z.array(
    z.object({
      name: z.string(),
      kind: z.string(),
      value: z.string().nullable(),
      depth: z.number().int(),
      line: z.number().int(),
      headingStatus: z.enum(STATUSES).nullable(),
      ...figures,
    }),
  ),
  total: z.object(figures),
};

export const checkOutput = {
  ...base,
  problems: z.array(
    z.object({
      /** In a plan of several files, the problem's file. */
      file: z.string().optional(),
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
