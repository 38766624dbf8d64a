// The MCP tools that read: list_tasks, show_task, next_task, ready_tasks,
// summary and check, each the work of a CLI command over the file as it is
// now, returning what that command's --json prints.

import { z } from 'zod';
import { filterTasks } from '../query/filter.js';
import { DependencyGraph } from '../query/deps.js';
import { dependencyFilter, pickReady, readiness, waitingJson, waitingSummary } from '../query/ready.js';
import { resolvePlanTask } from '../query/resolve.js';
import { explainLoadedTask } from '../query/explain.js';
import { loadPlan } from '../load/load.js';
import { locatePlanFiles } from '../load/files.js';
import { loadPlanSet } from '../load/plan-set.js';
import { checkPlanFiles } from '../check/across.js';
import { summarise } from '../query/summary.js';
import { sortTasks } from '../query/sort.js';
import { runChecks } from '../check/index.js';
import { collapseGroups } from '../check/collapse.js';
import { dependencyFields } from '../render/deps.js';
import { SCHEMA_VERSION, taskJson } from '../render/json.js';
import { summaryJson } from '../render/summary-shapes.js';
import { problemLine } from '../render/problem-line.js';
import { idText, leanTasks, ok, taskLine, tool, type ToolEnv } from './tool.js';
import {
  allowCancelledArg,
  checkOutput,
  filterArgs,
  filtersOf,
  idArg,
  leanShape,
  listOutput,
  nextOutput,
  readyOutput,
  showOutput,
  sortArg,
  summaryOutput,
} from './schemas.js';

/** `owner` of next_task and ready_tasks: whose turn it is (their tasks and nobody's), not a filter. */
const turnOwner = z.string().optional();

export const listTasks = tool({
  name: 'list_tasks',
  title: 'List tasks',
  description:
    'Tasks matching every filter, in file order (`plan list`). waiting: only those waiting on a dependency; blocked_by: only those that cannot start until that task is done.',
  mirrors: 'list',
  kind: 'read',
  input: {
    ...filterArgs('narrow'),
    waiting: z.boolean().optional(),
    blocked_by: z.string().optional(),
    allow_cancelled: allowCancelledArg,
    sort: sortArg,
    ...leanShape,
  },
  output: listOutput,
  run: async ({ waiting, blocked_by, allow_cancelled, sort, fields, limit, ...rest }, env) => {
    const { plan, display } = await env.load();
    const filters = filtersOf(rest);
    const deps = { waiting, blockedBy: blocked_by, allowCancelled: allow_cancelled };
    const tasks = sortTasks(dependencyFilter(plan, filterTasks(plan.tasks, filters), deps, display, filters), sort);
    const lean = leanTasks(tasks, { fields, limit });
    const head = `${tasks.length} of ${plan.tasks.length} tasks in ${display}${shownOf(lean.length, tasks.length)}`;
    return ok([head, ...tasks.slice(0, lean.length).map(taskLine)].join('\n'), { schemaVersion: SCHEMA_VERSION, file: display, tasks: lean });
  },
});

/** What a list result says when `limit` cut it: `; the first 2 shown (limit)`. */
function shownOf(shown: number, matched: number): string {
  return shown < matched ? `; the first ${shown} shown (limit)` : '';
}

export const showTask = tool({
  name: 'show_task',
  title: 'Show a task',
  description: 'Every field of one task by id (`plan show`); filters pick among tasks sharing the id.',
  mirrors: 'show',
  kind: 'read',
  input: { id: idArg, ...filterArgs('one'), explain: z.boolean().optional() },
  output: showOutput,
  run: async ({ id, explain, ...rest }, env) => {
    const loaded = await env.load();
    const { plan, display } = loaded;
    const task = resolvePlanTask(plan, await idText(id, env), filtersOf(rest), display);
    return ok(`${taskLine(task)}  (${task.file ?? display}:${task.line})`, {
      schemaVersion: SCHEMA_VERSION,
      file: display,
      task: taskJson(task),
      ...dependencyFields(plan, task, true),
      ...(explain ? { explain: await explainLoadedTask(loaded, task) } : {}),
    });
  },
});

export const nextTask = tool({
  name: 'next_task',
  title: 'Next task',
  description:
    'The task to work on next and why (`plan next`): in-progress first, then pending; by priority, then file order; never one waiting on a dependency. owner: only tasks of that owner or of nobody. Changes nothing.',
  mirrors: 'next',
  kind: 'read',
  input: { owner: turnOwner, ...filterArgs('narrow', ['owner']), allow_cancelled: allowCancelledArg },
  output: nextOutput,
  run: async ({ owner, allow_cancelled, ...rest }, env) => {
    const { plan, display } = await env.load();
    const r = readiness(new DependencyGraph(plan), filterTasks(plan.tasks, filtersOf(rest)), owner, { allowCancelled: allow_cancelled });
    const pick = pickReady(r, owner);
    const base = { schemaVersion: SCHEMA_VERSION, file: display };
    const forWhom = owner ? ` for ${owner}` : '';
    if (!pick && r.waiting.length) {
      const text = `${display}: nothing ready${forWhom}: ${waitingSummary(r.waiting)}`;
      return ok(text, { ...base, task: null, reason: 'waiting on dependencies', waiting: waitingJson(r.waiting) });
    }
    if (!pick) {
      return ok(`${display}: nothing left to do${forWhom} (no pending or in-progress task matches)`, { ...base, task: null, reason: 'nothing left to do' });
    }
    return ok(`${taskLine(pick.task)}  (${pick.task.file ?? display}:${pick.task.line})\n${pick.reason}`, {
      ...base,
      task: taskJson(pick.task),
      reason: pick.reason,
    });
  },
});

export const readyTasks = tool({
  name: 'ready_tasks',
  title: 'Ready tasks',
  description:
    "What can start now (`plan ready`): open tasks whose dependencies are all done, in next_task's order. owner: only tasks of that owner or of nobody.",
  mirrors: 'ready',
  kind: 'read',
  input: { owner: turnOwner, ...filterArgs('narrow', ['owner']), allow_cancelled: allowCancelledArg, sort: sortArg, ...leanShape },
  output: readyOutput,
  run: async ({ owner, allow_cancelled, sort, fields, limit, ...rest }, env) => {
    const { plan, display } = await env.load();
    const r = readiness(new DependencyGraph(plan), filterTasks(plan.tasks, filtersOf(rest)), owner, { allowCancelled: allow_cancelled });
    const { waiting } = r;
    const ready = sortTasks(r.ready, sort);
    const lean = leanTasks(ready, { fields, limit });
    const head = `${ready.length} ready, ${waiting.length} waiting on dependencies, in ${display}${shownOf(lean.length, ready.length)}`;
    return ok([head, ...ready.slice(0, lean.length).map(taskLine)].join('\n'), {
      schemaVersion: SCHEMA_VERSION,
      file: display,
      tasks: lean,
      waiting: waiting.length,
    });
  },
});

export const summaryTool = tool({
  name: 'summary',
  title: 'Progress summary',
  description:
    'Progress per heading that holds tasks (sprints, weeks, phases, sections, nested as in the file), then the whole file: done/total, percent, count per status (`plan summary`).',
  mirrors: 'summary',
  kind: 'read',
  input: filterArgs('narrow'),
  output: summaryOutput,
  run: async (args, env) => {
    const { plan, display } = await env.load();
    const s = summarise(plan, filterTasks(plan.tasks, filtersOf(args)));
    const pct = (p: number | null) => (p === null ? '–' : `${p}%`);
    const lines = s.groups.map((g) => `${'  '.repeat(g.depth)}${g.name}: ${g.done}/${g.total} ${pct(g.percent)}`);
    lines.push(`${display}: ${s.total.done}/${s.total.total} ${pct(s.total.percent)}`);
    return ok(lines.join('\n'), summaryJson(s, display));
  },
});

/** The plan's problems, each with its file; of a plan of several files, the dependencies checked across them. */
async function planProblems(env: ToolEnv) {
  const files = locatePlanFiles(env.files);
  if (!files.many) {
    const { plan, text, display } = await loadPlan(env.planPath());
    return { display, many: false, unreadable: [], each: [{ file: display, findings: runChecks({ plan, text }) }] };
  }
  const set = await loadPlanSet(files);
  const each = checkPlanFiles(set.loaded.plan, (k) => set.files[k]!.text).map(({ part, findings }) => ({ file: part.file, findings }));
  return { display: set.loaded.display, many: true, unreadable: set.failures, each };
}

export const checkTool = tool({
  name: 'check',
  title: 'Check the plan',
  description:
    'Every problem of the plan (damaged text, duplicate ids, dependency cycles and missing ids, unknown statuses, …) with file, line and column (`plan check`).',
  mirrors: 'check',
  kind: 'read',
  input: {},
  output: checkOutput,
  run: async (_args, env) => {
    const { display, many, unreadable, each } = await planProblems(env);
    const problems = each.flatMap(({ file, findings }) => findings.map((p) => ({ file, p })));
    const errors = problems.filter(({ p }) => p.severity === 'error').length;
    const warnings = problems.filter(({ p }) => p.severity === 'warning').length;
    const tally = `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`;
    // The text reads as `plan check` prints (a whole table's issue once); the structured content lists each.
    const lines = each.flatMap(({ file, findings }) => collapseGroups(findings).map((p) => problemLine(file, p)));
    const notRead = unreadable.map((f) => `not read: ${f}`);
    return ok([...(problems.length ? [...lines, tally] : [`${display}: no problems found`]), ...notRead].join('\n'), {
      schemaVersion: SCHEMA_VERSION,
      file: display,
      problems: problems.map(({ file, p }) => ({
        ...(many ? { file } : {}),
        line: p.line,
        column: p.column,
        severity: p.severity,
        code: p.code,
        message: p.message,
      })),
      errors,
      warnings,
      ...(unreadable.length ? { unreadable } : {}),
    });
  },
});
