// The MCP tools that write: claim_task, set_status, add_task and edit_task.
// Each goes through src/actions (lock, re-read, atomic write, read_only,
// chars_limit) exactly as its CLI command does, and returns what that
// command's --json prints.

import { z } from 'zod';
import { displayPath } from '../load/load.js';
import { setStatusOp } from '../actions/set.js';
import { claimOp } from '../actions/claim.js';
import { editOp, type TaskChanges } from '../actions/edit.js';
import { addOp } from '../actions/add.js';
import { addTarget, claimTarget, namedInPlan, writeTarget } from '../actions/target.js';
import { SCHEMA_VERSION } from '../render/json.js';
import { movedText } from '../render/change.js';
import { changeResult, idText, ok, tool, writeOpts } from './tool.js';
import { allowCancelledArg, claimOutput, dryRunArg, filterArgs, filtersOf, idArg, setOutput, taskWriteOutput } from './schemas.js';

/** add_task's and edit_task's fields, as `plan add`/`plan edit --due --priority --tag` take them. */
const fieldArgs = {
  due: z.string().optional().describe('YYYY-MM-DD, today, +3d'),
  priority: z.string().optional().describe('high, P1, …'),
  tag: z.string().optional().describe('a,b'),
  depends: z.string().optional().describe('ids'),
  estimate: z.string().optional(),
};

export const claimTask = tool({
  name: 'claim_task',
  title: 'Claim the next task',
  description:
    'Pick the next task for owner and claim it in one locked write: in progress, owner written (`plan next --claim`). Agents claiming at once never get the same task; a task waiting on a dependency is never taken. task is null when nothing is left.',
  mirrors: 'next',
  kind: 'write',
  input: {
    owner: z.string().min(1).describe('written in its Owner cell, or as an @owner mark'),
    ...filterArgs('narrow', ['owner']),
    allow_cancelled: allowCancelledArg,
    dry_run: dryRunArg,
  },
  output: claimOutput,
  run: async ({ owner, dry_run, allow_cancelled, ...rest }, env) => {
    const wait = { allowCancelled: allow_cancelled };
    const to = await claimTarget(env.files, owner, filtersOf(rest), wait);
    const claimed = 'path' in to ? await claimOp(to.path, owner, to.filters, writeOpts(dry_run), wait) : null;
    const r = claimed && 'path' in to ? namedInPlan(claimed, to) : null;
    if (!r) {
      const display = 'path' in to ? displayPath(to.path) : to.label;
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
    const result = changeResult(r, `claimed for ${owner}, ${r.before.status} → ${r.task.status}${movedText(r)}`, {
      claimed: r.written || r.changed,
      reason: r.reason,
    });
    if (r.written) env.tasksChanged();
    return result;
  },
});

export const setStatus = tool({
  name: 'set_status',
  title: 'Set a status',
  description: "Set one task's status in the file's own style, changing nothing else but the date stamps (`plan set`).",
  mirrors: 'set',
  kind: 'idempotent',
  input: {
    id: idArg,
    status: z.string().min(1).describe('done, in-progress, pending, blocked or cancelled (synonyms and emoji too)'),
    owner: z.string().optional().describe('also assign the task to this owner'),
    ...filterArgs('write', ['status']),
    dry_run: dryRunArg,
  },
  output: setOutput,
  run: async ({ id, status, owner, dry_run, ...rest }, env) => {
    const to = await writeTarget(env.files, await idText(id, env), filtersOf(rest));
    const r = namedInPlan(await setStatusOp(to.path, to.id, status, to.filters, writeOpts(dry_run), owner), to);
    if (r.written) env.tasksChanged();
    return changeResult(r, `${r.from} → ${r.task.status}${movedText(r)}`, { from: r.from, to: r.task.status });
  },
});

export const addTask = tool({
  name: 'add_task',
  title: 'Add a task',
  description: 'Append a task to the table of the scope or section given, with the next free id (`plan add`).',
  mirrors: 'add',
  kind: 'write',
  input: {
    title: z.string().min(1),
    ...filterArgs('table'),
    owner: z.string().optional(),
    status: z.string().optional().describe('default pending'),
    notes: z.string().optional(),
    ...fieldArgs,
    dry_run: dryRunArg,
  },
  output: taskWriteOutput,
  run: async ({ dry_run, title, owner, status, notes, due, priority, tag, depends, estimate, ...place }, env) => {
    const input = { ...filtersOf(place), title, owner, status, notes, due, priority, tag, depends, estimate };
    const clean = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as typeof input;
    const to = await addTarget(env.files, clean.in);
    const added = await addOp(to.path, clean, writeOpts(dry_run));
    const r = namedInPlan(added, { ref: to.refOf(added.task.id) });
    if (r.written) env.tasksChanged();
    return changeResult(r, 'added', {});
  },
});

export const editTask = tool({
  name: 'edit_task',
  title: 'Edit a task',
  description: 'Change a task\'s title, owner, notes, due, priority, tags, depends or estimate, nothing else (`plan edit`); "" clears one.',
  mirrors: 'edit',
  kind: 'idempotent',
  input: {
    id: idArg,
    title: z.string().optional(),
    owner: z.string().optional(),
    notes: z.string().optional(),
    ...fieldArgs,
    untag: z.string().optional(),
    ...filterArgs('pick'),
    dry_run: dryRunArg,
  },
  output: taskWriteOutput,
  run: async ({ id, title, owner, notes, due, priority, tag, untag, depends, estimate, dry_run, ...rest }, env) => {
    const given: TaskChanges = { title, owner, notes, due, priority, tag, untag, depends, estimate };
    const changes = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as TaskChanges;
    const to = await writeTarget(env.files, await idText(id, env), filtersOf(rest));
    const r = namedInPlan(await editOp(to.path, to.id, changes, to.filters, writeOpts(dry_run)), to);
    if (r.written) env.tasksChanged();
    return changeResult(r, `${Object.keys(changes).join(', ')} changed`, {});
  },
});
