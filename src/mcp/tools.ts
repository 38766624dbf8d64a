// The MCP tools: the CLI's commands over the same plan file, one object each
// (src/mcp/read-tools.ts, src/mcp/write-tools.ts), registered here. Reads load
// the file afresh on every call; writes go through src/actions (lock, re-read,
// atomic write, read_only, chars_limit), exactly as `plan set`, `plan edit`, …
// do. A refused write or a bad argument is a tool error (isError) carrying
// the CLI's one-line message; the server keeps running.

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult, ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import { asPlanError } from '../system/errors.js';
import { loadPlanFiles } from '../load/plan-set.js';
import type { ToolSpec } from './compact.js';
import type { Tool, ToolContext, ToolKind } from './tool.js';
import { checkTool, listTasks, nextTask, readyTasks, showTask, summaryTool } from './read-tools.js';
import { addTask, claimTask, editTask, setStatus } from './write-tools.js';

/** Every tool, in the order tools/list gives them. */
export const TOOLS: readonly Tool[] = [listTasks, showTask, nextTask, readyTasks, claimTask, setStatus, addTask, editTask, summaryTool, checkTool];

const writes = { readOnlyHint: false, destructiveHint: false, openWorldHint: false } as const;

const ANNOTATIONS: Record<ToolKind, ToolAnnotations> = {
  read: { readOnlyHint: true, openWorldHint: false },
  write: writes,
  idempotent: { ...writes, idempotentHint: true },
};

/** A tool error with the message the CLI prints after `plan: `. */
function toolError(error: unknown): CallToolResult {
  const planError = asPlanError(error);
  const text = planError ? (planError.toolMessage ?? planError.message) : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
  return { content: [{ type: 'text', text }], isError: true };
}

/**
 * Runs a tool, turning anything it throws into a tool error. The plan is
 * loaded afresh for each call; a file of it that could not be read is said in
 * the result (a text line each, and `unreadable`), as `plan list` says it on stderr.
 */
function guarded(t: Tool, ctx: ToolContext): (args: Record<string, unknown>) => Promise<CallToolResult> {
  return async (args) => {
    const unreadable = new Set<string>();
    const load = async () => {
      const set = await loadPlanFiles(ctx.files);
      for (const f of set.failures) unreadable.add(f);
      return set.loaded;
    };
    try {
      return withUnreadable(await t.run(args, { ...ctx, load }), [...unreadable]);
    } catch (error) {
      return toolError(error);
    }
  };
}

function withUnreadable(r: CallToolResult, unreadable: string[]): CallToolResult {
  if (unreadable.length === 0) return r;
  return {
    ...r,
    content: [...r.content, ...unreadable.map((f) => ({ type: 'text' as const, text: `not read: ${f}` }))],
    ...(r.structuredContent ? { structuredContent: { ...r.structuredContent, unreadable } } : {}),
  };
}

/** Registers every tool; returns what each was registered with, for the compact `tools/list`. */
export function registerTools(mcp: McpServer, ctx: ToolContext): ToolSpec[] {
  return TOOLS.map((t) => {
    const config = { title: t.title, description: t.description, inputSchema: t.input, outputSchema: t.output, annotations: ANNOTATIONS[t.kind] };
    mcp.registerTool(t.name, config, guarded(t, ctx));
    return { name: t.name, ...config };
  });
}
