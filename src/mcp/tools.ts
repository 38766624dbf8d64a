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
import type { Tool, ToolContext, ToolEnv, ToolKind } from './tool.js';
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

/** Runs a tool, turning anything it throws into a tool error. */
function guarded(t: Tool, env: ToolEnv): (args: Record<string, unknown>) => Promise<CallToolResult> {
  return async (args) => {
    try {
      return await t.run(args, env);
    } catch (error) {
      return toolError(error);
    }
  };
}

/** Registers every tool; returns what each was registered with, for the compact `tools/list`. */
export function registerTools(mcp: McpServer, ctx: ToolContext): ToolSpec[] {
  const env: ToolEnv = { ...ctx, load: async () => (await loadPlanFiles(ctx.files)).loaded };
  return TOOLS.map((t) => {
    const config = { title: t.title, description: t.description, inputSchema: t.input, outputSchema: t.output, annotations: ANNOTATIONS[t.kind] };
    mcp.registerTool(t.name, config, guarded(t, env));
    return { name: t.name, ...config };
  });
}
