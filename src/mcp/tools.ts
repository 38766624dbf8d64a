// The MCP tools: the CLI's commands over the same plan file. Reads load the
// file afresh on every call; writes go through src/ops (lock, re-read, atomic
// write, read_only, chars_limit), exactly as `plan set`, `plan edit`, … do.
// A refused write or a bad argument is a tool error (isError) carrying the
// CLI's one-line message; the server keeps running.

import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { asPlanError } from '../errors.js';
import { displayPath, loadPlan, type Loaded } from '../load.js';
import type { Task } from '../model/types.js';
import { filterTasks } from '../query/filter.js';
import { DependencyGraph } from '../query/deps.js';
import { dependencyFilter, pickReady, readiness, waitingJson, waitingSummary } from '../query/ready.js';
import { parseFields, parseLimit, taskFields } from '../render/lean.js';
import { changeJson } from '../render/change.js';
import type { ToolSpec } from './compact.js';
import { dependencyFields } from '../render/deps.js';
import { resolveTask } from '../query/resolve.js';
import { summarise } from '../query/summary.js';
import { runChecks } from '../check/index.js';
import { collapseGroups } from '../check/collapse.js';
import { SCHEMA_VERSION, taskJson } from '../render/json.js';
import { summaryJson } from '../render/summary-shapes.js';
import { problemLine } from '../render/problem-line.js';
import type { TransactOptions } from '../edit/transaction.js';
import type { OpResult } from '../ops/set.js';
import { dryRunText, setStatusOp } from '../ops/set.js';
import { claimOp } from '../ops/claim.js';
import { editOp } from '../ops/edit.js';
import { addOp } from '../ops/add.js';
import {
  allowCancelledArg,
  checkOutput,
  claimOutput,
  dryRunArg,
  filterShape,
  filtersOf,
  idArg,
  leanShape,
  listOutput,
  nextOutput,
  readyOutput,
  scopeShape,
  setOutput,
  showOutput,
  summaryOutput,
  taskWriteOutput,
} from './schemas.js';

export interface ToolContext {
  /** The plan file's path, resolved again for each call (-f, $PLAN_FILE, discovery). */
  planPath(): string;
  /** Called after a write that may have added or renamed tasks. */
  tasksChanged(): void;
}

type Structured = Record<string, unknown>;

function ok(text: string, structured: Structured): CallToolResult {
  return { content: [{ type: 'text', text }], structuredContent: structured };
}

/** A tool error with the message the CLI prints after `plan: `. */
export function toolError(error: unknown): CallToolResult {
  const planError = asPlanError(error);
  const text = planError ? planError.message : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
  return { content: [{ type: 'text', text }], isError: true };
}

/** Runs a tool body, turning anything it throws into a tool error. */
function guarded<A>(body: (args: A) => Promise<CallToolResult>): (args: A) => Promise<CallToolResult> {
  return async (args: A) => {
    try {
      return await body(args);
    } catch (error) {
      return toolError(error);
    }
  };
}

function taskLine(t: Task): string {
  return [t.id, t.status, t.title, t.owner ? `(${t.owner})` : ''].filter(Boolean).join('  ');
}

function writeOpts(dryRun: boolean | undefined): TransactOptions {
  return { dryRun: !!dryRun, force: false, canForce: false, touch: true, diff: true };
}

/** The outcome of a one-task write: the object `plan <command> --json` prints, and a line like the CLI's. */
function changeResult(r: OpResult, summary: string, extra: Structured): CallToolResult {
  const { display, task } = r;
  const structured = changeJson(r, extra);
  let text: string;
  if (!r.changed) text = `${display}:${r.before.line}: task ${r.before.id} is already like that; nothing to change`;
  else if (!r.written) text = `dry run, nothing written:\n${dryRunText(r)}`;
  else text = `${task.id} ${task.title}: ${summary}  (${display}:${task.line})`;
  return ok(text, structured);
}

/** The tasks of a list result, with only the fields asked for and at most `limit` of them. */
function leanTasks(tasks: Task[], args: { fields?: string[]; limit?: number }) {
  const fields = parseFields(args.fields);
  const limit = parseLimit(args.limit);
  return (limit === undefined ? tasks : tasks.slice(0, limit)).map((t) => taskFields(t, fields));
}

/** Registers every tool; returns what each was registered with, for the compact `tools/list`. */
export function registerTools(mcp: McpServer, ctx: ToolContext): ToolSpec[] {
  const specs: ToolSpec[] = [];
  const server = {
    registerTool: ((name: string, config: Omit<ToolSpec, 'name'>, cb: never) => {
      specs.push({ name, ...config });
      return mcp.registerTool(name, config, cb);
    }) as McpServer['registerTool'],
  };
  const load = (): Promise<Loaded> => loadPlan(ctx.planPath());
  const readOnly = { readOnlyHint: true, openWorldHint: false } as const;
  const writes = { readOnlyHint: false, destructiveHint: false, openWorldHint: false } as const;

  server.registerTool(
    'list_tasks',
    {
      title: 'List tasks',
      description:
        'Tasks matching every filter, in file order (`plan list`). waiting: only those waiting on a dependency; blocked_by: only those that cannot start until that task is done.',
      inputSchema: { ...filterShape, waiting: z.boolean().optional(), blocked_by: z.string().optional(), allow_cancelled: allowCancelledArg, ...leanShape },
      outputSchema: listOutput,
      annotations: readOnly,
    },
    guarded(async ({ waiting, blocked_by, allow_cancelled, fields, limit, ...rest }) => {
      const { plan, display } = await load();
      const filters = filtersOf(rest);
      const deps = { waiting, blockedBy: blocked_by, allowCancelled: allow_cancelled };
      const tasks = dependencyFilter(plan, filterTasks(plan.tasks, filters), deps, display, filters);
      const lean = leanTasks(tasks, { fields, limit });
      const head = `${tasks.length} of ${plan.tasks.length} tasks in ${display}`;
      return ok([head, ...tasks.slice(0, lean.length).map(taskLine)].join('\n'), { schemaVersion: SCHEMA_VERSION, file: display, tasks: lean });
    }),
  );

  server.registerTool(
    'show_task',
    {
      title: 'Show a task',
      description: 'Every field of one task by id (`plan show`); filters pick one of several tasks sharing the id.',
      inputSchema: { id: idArg, ...filterShape },
      outputSchema: showOutput,
      annotations: readOnly,
    },
    guarded(async ({ id, ...rest }) => {
      const { plan, display } = await load();
      const task = resolveTask(plan.tasks, id, filtersOf(rest), display);
      return ok(`${taskLine(task)}  (${display}:${task.line})`, {
        schemaVersion: SCHEMA_VERSION,
        file: display,
        task: taskJson(task),
        ...dependencyFields(plan, task, true),
      });
    }),
  );

  const { owner: _owner, ...nonOwnerFilters } = filterShape;

  server.registerTool(
    'next_task',
    {
      title: 'Next task',
      description:
        'The task to work on next and why (`plan next`): in-progress first, then pending; by priority, then file order; never one waiting on a dependency. owner: only tasks of that owner or of nobody. Changes nothing.',
      inputSchema: { owner: z.string().optional(), ...nonOwnerFilters, allow_cancelled: allowCancelledArg },
      outputSchema: nextOutput,
      annotations: readOnly,
    },
    guarded(async ({ owner, allow_cancelled, ...rest }) => {
      const { plan, display } = await load();
      const r = readiness(new DependencyGraph(plan), filterTasks(plan.tasks, filtersOf(rest)), owner, { allowCancelled: allow_cancelled });
      const { waiting } = r;
      const pick = pickReady(r, owner);
      if (!pick && waiting.length) {
        return ok(`${display}: nothing ready${owner ? ` for ${owner}` : ''}: ${waitingSummary(waiting)}`, {
          schemaVersion: SCHEMA_VERSION,
          file: display,
          task: null,
          reason: 'waiting on dependencies',
          waiting: waitingJson(waiting),
        });
      }
      if (!pick) {
        return ok(`${display}: nothing left to do${owner ? ` for ${owner}` : ''} (no pending or in-progress task matches)`, {
          schemaVersion: SCHEMA_VERSION,
          file: display,
          task: null,
          reason: 'nothing left to do',
        });
      }
      return ok(`${taskLine(pick.task)}  (${display}:${pick.task.line})\n${pick.reason}`, {
        schemaVersion: SCHEMA_VERSION,
        file: display,
        task: taskJson(pick.task),
        reason: pick.reason,
      });
    }),
  );

  server.registerTool(
    'ready_tasks',
    {
      title: 'Ready tasks',
      description:
        "What can start now (`plan ready`): open tasks whose dependencies are all done, in next_task's order. owner: only tasks of that owner or of nobody.",
      inputSchema: { owner: z.string().optional(), ...nonOwnerFilters, allow_cancelled: allowCancelledArg, ...leanShape },
      outputSchema: readyOutput,
      annotations: readOnly,
    },
    guarded(async ({ owner, allow_cancelled, fields, limit, ...rest }) => {
      const { plan, display } = await load();
      const { ready, waiting } = readiness(new DependencyGraph(plan), filterTasks(plan.tasks, filtersOf(rest)), owner, { allowCancelled: allow_cancelled });
      const lean = leanTasks(ready, { fields, limit });
      const head = `${ready.length} ready, ${waiting.length} waiting on dependencies, in ${display}`;
      return ok([head, ...ready.slice(0, lean.length).map(taskLine)].join('\n'), {
        schemaVersion: SCHEMA_VERSION,
        file: display,
        tasks: lean,
        waiting: waiting.length,
      });
    }),
  );

  server.registerTool(
    'claim_task',
    {
      title: 'Claim the next task',
      description:
        'Pick the next task for owner and claim it in one locked write: in progress, owner written (`plan next --claim`). Agents claiming at once never get the same task; a task waiting on a dependency is never taken. task is null when nothing is left.',
      inputSchema: {
        owner: z.string().min(1).describe('written in its Owner cell, or as an @owner mark'),
        ...nonOwnerFilters,
        allow_cancelled: allowCancelledArg,
        dry_run: dryRunArg,
      },
      outputSchema: claimOutput,
      annotations: writes,
    },
    guarded(async ({ owner, dry_run, allow_cancelled, ...rest }) => {
      const r = await claimOp(ctx.planPath(), owner, filtersOf(rest), writeOpts(dry_run), { allowCancelled: allow_cancelled });
      if (!r) {
        const display = displayPath(ctx.planPath());
        return ok(`${display}: nothing to claim for ${owner} (no pending task that is unowned or theirs)`, {
          schemaVersion: SCHEMA_VERSION,
          file: display,
          changed: false,
          written: false,
          claimed: false,
          reason: 'nothing to claim',
          task: null,
          diff: null,
        });
      }
      const result = changeResult(r, `claimed for ${owner}, ${r.before.status} → ${r.task.status}`, {
        claimed: r.written || r.changed,
        reason: r.reason,
      });
      if (r.written) ctx.tasksChanged();
      return result;
    }),
  );

  server.registerTool(
    'set_status',
    {
      title: 'Set a status',
      description: "Set one task's status in the file's own style, changing nothing else but the date stamps (`plan set`).",
      inputSchema: {
        id: idArg,
        status: z.string().min(1).describe('done, in-progress, pending, blocked or cancelled (synonyms and emoji too)'),
        ...scopeShape,
        owner: filterShape.owner,
        grep: filterShape.grep,
        dry_run: dryRunArg,
      },
      outputSchema: setOutput,
      annotations: { ...writes, idempotentHint: true },
    },
    guarded(async ({ id, status, dry_run, ...rest }) => {
      const r = await setStatusOp(ctx.planPath(), id, status, filtersOf(rest), writeOpts(dry_run));
      if (r.written) ctx.tasksChanged();
      return changeResult(r, `${r.from} → ${r.task.status}`, { from: r.from, to: r.task.status });
    }),
  );

  server.registerTool(
    'add_task',
    {
      title: 'Add a task',
      description: 'Append a task to the table of the scope or section given, with the next free id (`plan add`).',
      inputSchema: {
        title: z.string().min(1),
        sprint: filterShape.sprint,
        week: filterShape.week,
        month: filterShape.month,
        phase: filterShape.phase,
        milestone: filterShape.milestone,
        section: filterShape.section,
        owner: z.string().optional(),
        status: z.string().optional().describe('default pending'),
        notes: z.string().optional(),
        dry_run: dryRunArg,
      },
      outputSchema: taskWriteOutput,
      annotations: writes,
    },
    guarded(async ({ dry_run, ...input }) => {
      const clean = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as typeof input;
      const r = await addOp(ctx.planPath(), clean, writeOpts(dry_run));
      if (r.written) ctx.tasksChanged();
      return changeResult(r, 'added', {});
    }),
  );

  server.registerTool(
    'edit_task',
    {
      title: 'Edit a task',
      description: 'Change a task\'s title, owner and/or notes cells, nothing else (`plan edit`); "" clears owner or notes.',
      inputSchema: {
        id: idArg,
        title: z.string().optional(),
        owner: z.string().optional(),
        notes: z.string().optional(),
        ...scopeShape,
        dry_run: dryRunArg,
      },
      outputSchema: taskWriteOutput,
      annotations: { ...writes, idempotentHint: true },
    },
    guarded(async ({ id, title, owner, notes, dry_run, ...rest }) => {
      const changes: { title?: string; owner?: string; notes?: string } = {};
      if (title !== undefined) changes.title = title;
      if (owner !== undefined) changes.owner = owner;
      if (notes !== undefined) changes.notes = notes;
      const r = await editOp(ctx.planPath(), id, changes, filtersOf(rest), writeOpts(dry_run));
      if (r.written) ctx.tasksChanged();
      return changeResult(r, `${Object.keys(changes).join(', ')} changed`, {});
    }),
  );

  server.registerTool(
    'summary',
    {
      title: 'Progress summary',
      description:
        'Progress per heading that holds tasks (sprints, weeks, phases, sections, nested as in the file), then the whole file: done/total, percent, count per status (`plan summary`).',
      inputSchema: filterShape,
      outputSchema: summaryOutput,
      annotations: readOnly,
    },
    guarded(async (args) => {
      const { plan, display } = await load();
      const s = summarise(plan, filterTasks(plan.tasks, filtersOf(args)));
      const json = summaryJson(s, display);
      const pct = (p: number | null) => (p === null ? '–' : `${p}%`);
      const lines = s.groups.map((g) => `${'  '.repeat(g.depth)}${g.name}: ${g.done}/${g.total} ${pct(g.percent)}`);
      lines.push(`${display}: ${s.total.done}/${s.total.total} ${pct(s.total.percent)}`);
      return ok(lines.join('\n'), json);
    }),
  );

  server.registerTool(
    'check',
    {
      title: 'Check the plan',
      description:
        'Every problem of the plan file (damaged text, duplicate ids, dependency cycles and missing ids, unknown statuses, …) with line and column (`plan check`).',
      inputSchema: {},
      outputSchema: checkOutput,
      annotations: readOnly,
    },
    guarded(async () => {
      const { plan, text, display } = await load();
      const problems = runChecks({ plan, text });
      const errors = problems.filter((p) => p.severity === 'error').length;
      const warnings = problems.filter((p) => p.severity === 'warning').length;
      const tally = `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`;
      // The text reads as `plan check` prints (a whole table's issue once); the structured content lists each.
      const lines = collapseGroups(problems).map((p) => problemLine(display, p));
      const text2 = problems.length ? [...lines, tally].join('\n') : `${display}: no problems found`;
      return ok(text2, {
        schemaVersion: SCHEMA_VERSION,
        file: display,
        problems: problems.map((p) => ({ line: p.line, column: p.column, severity: p.severity, code: p.code, message: p.message })),
        errors,
        warnings,
      });
    }),
  );
  return specs;
}
