// What an MCP tool is: one object saying its name, what it mirrors of the
// CLI, its input and output schemas, whether it writes, and how it runs; and
// the small pieces every tool's result is made of.

import type { z } from 'zod';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Loaded } from '../load/load.js';
import type { Task } from '../model/types.js';
import type { TransactOptions } from '../write/transaction.js';
import { dryRunText, type OpResult } from '../actions/set.js';
import { changeJson } from '../render/change.js';
import { parseFields, parseLimit, taskFields } from '../render/lean.js';
import { UsageError } from '../system/errors.js';

export interface ToolContext {
  /** The plan file's path, resolved again for each call (-f, $PLAN_FILE, discovery); refused when the plan is several files. */
  planPath(): string;
  /** The -f values the server was started with (a plan of several files when they name several). */
  files: string | readonly string[] | undefined;
  /** Called after a write that may have added or renamed tasks. */
  tasksChanged(): void;
}

/** What a tool runs with: the plan file, loaded afresh for each call. */
export interface ToolEnv extends ToolContext {
  load(): Promise<Loaded>;
}

/** read: changes nothing; write: changes the file; idempotent: a write that, repeated, changes nothing more. */
export type ToolKind = 'read' | 'write' | 'idempotent';

export interface Tool<S extends z.ZodRawShape = z.ZodRawShape> {
  name: string;
  title: string;
  description: string;
  /** The CLI command it does the work of (`plan set`): it takes that command's filters and options (test/code/interface.test.ts). */
  mirrors: string;
  kind: ToolKind;
  input: S;
  output: z.ZodRawShape;
  run(args: z.output<z.ZodObject<S>>, env: ToolEnv): Promise<CallToolResult>;
}

/** A tool, its arguments typed by its input schema; stored with the others. */
export function tool<S extends z.ZodRawShape>(t: Tool<S>): Tool {
  return t as unknown as Tool;
}

export type Structured = Record<string, unknown>;

export function ok(text: string, structured: Structured): CallToolResult {
  return { content: [{ type: 'text', text }], structuredContent: structured };
}

export function taskLine(t: Task): string {
  return [t.id, t.status, t.title, t.owner ? `(${t.owner})` : ''].filter(Boolean).join('  ');
}

/** How the tools write: as the CLI does by default, without --force (an agent cannot lift read_only). */
export function writeOpts(dryRun: boolean | undefined): TransactOptions {
  return { dryRun: !!dryRun, force: false, canForce: false, touch: true, diff: true };
}

/** The outcome of a one-task write: the object `plan <command> --json` prints, and a line like the CLI's. */
export function changeResult(r: OpResult, summary: string, extra: Structured): CallToolResult {
  const { display, task } = r;
  const structured = changeJson(r, extra);
  let text: string;
  if (!r.changed) text = `${display}:${r.before.line}: task ${r.before.id} is already like that; nothing to change`;
  else if (!r.written) text = `dry run, nothing written:\n${dryRunText(r)}`;
  else text = `${task.id} ${task.title}: ${summary}  (${display}:${task.line})`;
  return ok(text, structured);
}

/** The tasks of a list result, with only the fields asked for and at most `limit` of them. */
export function leanTasks(tasks: Task[], args: { fields?: string[]; limit?: number }) {
  const fields = parseFields(args.fields);
  const limit = parseLimit(args.limit);
  return (limit === undefined ? tasks : tasks.slice(0, limit)).map((t) => taskFields(t, fields));
}

/**
 * The id a tool was given, as text. A JSON number loses how it was written
 * (`1.30` arrives as 1.3): it is taken as its decimal text only where no id of
 * the plan is another spelling of the same number, else refused with the ids it could be.
 */
export async function idText(id: string | number, env: Pick<ToolEnv, 'load'>): Promise<string> {
  if (typeof id === 'string') return id;
  const text = String(id);
  const { plan } = await env.load();
  const others = [...new Set(plan.tasks.map((t) => t.id))].filter((x) => x !== text && /^[\d.]+$/.test(x) && Number(x) === id);
  if (others.length) {
    throw new UsageError(
      `the id was sent as the number ${text}, which may be ${[text, ...others].map((x) => JSON.stringify(x)).join(' or ')}; send the id as a string`,
    );
  }
  return text;
}
