// The outcome of a one-task write (plan set, plan edit): the JSON result, a
// note that nothing changed, the dry-run diff, or one line saying what changed.

import { dryRunText, type OpResult } from '../actions/set.js';
import { visible } from '../text/visible.js';
import { SCHEMA_VERSION, taskJson, toJson } from './json.js';
import { tsv } from './plain.js';
import type { Printer } from './printer.js';

/** The JSON of a one-task write, the same for `plan <command> --json` and the MCP server. */
export function changeJson(r: OpResult, extra: Record<string, unknown>): Record<string, unknown> {
  return {
    schemaVersion: SCHEMA_VERSION,
    file: r.display,
    changed: r.changed,
    written: r.written,
    ...extra,
    task: taskJson(r.task),
    diff: r.diff || null,
    remarks: r.remarks,
  };
}

/**
 * What the summary line says of a move to another section (` moved from "Todo" to "Done"`, and the old reference when
 * it changed), or of a status written where the file had no place for one (` (wrote ✅ in the title cell: …)`).
 */
export function movedText(r: OpResult): string {
  if (r.wrote) return ` (${r.wrote})`;
  if (!r.moved) return '';
  const was = r.task.id !== r.before.id ? ` (was ${r.before.id})` : '';
  return `, moved from ${JSON.stringify(r.moved.from)} to ${JSON.stringify(r.moved.to)}${was}`;
}

/** Prints the outcome of a one-task write in the chosen output mode. */
export function reportChange(ctx: Printer, r: OpResult, summary: string, extra: Record<string, unknown>): number {
  const { display, task } = r;
  if (ctx.mode === 'json') {
    ctx.out(toJson(changeJson(r, extra)));
    return 0;
  }
  if (!r.changed) {
    ctx.err(`plan: ${display}:${r.before.line}: task ${r.before.id} is already like that; nothing to change\n`);
    return 0;
  }
  if (!r.written) {
    ctx.out(visible(dryRunText(r)));
    return 0;
  }
  if (ctx.mode === 'plain') ctx.out(tsv(['id', 'change', 'file', 'line'], [[task.id, summary, display, task.line]]));
  else ctx.out(visible(`${task.id} ${task.title}: ${summary}  (${display}:${task.line})\n`));
  return 0;
}
