// `plan mcp`: a Model Context Protocol server on stdio over one plan file.
// Only `plan mcp` loads this module (and with it the MCP SDK and zod).

import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { locateOnePlan } from '../load/files.js';
import { lockTimeoutMs } from '../write/lock.js';
import { runtime } from '../system/runtime.js';
import { registerTools } from './tools.js';
import { registerResources } from './resources.js';
import { INVALID_REQUEST, LineTransport } from './stdio.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { useCompactToolList } from './compact.js';
import { filtersExplained } from '../interface/filter-table.js';

export interface ServerOptions {
  /** The global -f value, if any; else $PLAN_FILE, else discovery from the current folder. */
  file?: string | readonly string[];
  version: string;
}

const INSTRUCTIONS =
  'Tools over a Markdown planning file, or a plan of several files (sprints, weeks, task tables; a task whose id another file has too is named file.md#id). ' +
  'Use next_task or claim_task to pick work (ready_tasks: all that can start now), set_status to record progress, list_tasks/show_task/summary to read; ' +
  'fields and limit keep list results small. Every call reads the file as it is now; writes change only the cells concerned and the date stamps. ' +
  filtersExplained();

function buildServer(opts: ServerOptions): McpServer {
  const server = new McpServer(
    { name: 'plan', title: 'plan: Markdown task tracker', version: opts.version },
    { instructions: INSTRUCTIONS, capabilities: { resources: { listChanged: true } } },
  );
  const ctx = {
    planPath: () => locateOnePlan(opts.file),
    files: opts.file,
    tasksChanged: () => {
      if (server.isConnected()) server.sendResourceListChanged();
    },
  };
  useCompactToolList(server, registerTools(server, ctx));
  registerResources(server, ctx);
  return server;
}

/** The answer to a request sent before `initialize`. */
function notInitialized(id: string | number): JSONRPCMessage {
  return {
    jsonrpc: '2.0',
    id,
    error: { code: INVALID_REQUEST, message: 'the server is not initialized: send initialize first (only ping is answered before it)' },
  };
}

/**
 * Serves on stdin/stdout until the client closes stdin, then answers the
 * requests still running (a write in progress finishes) and returns.
 */
export async function runServer(opts: ServerOptions): Promise<void> {
  const server = buildServer(opts);
  const transport = new LineTransport();
  await server.connect(transport);

  // Count requests in flight: a request comes in with an id, its response goes out with it.
  const pending = new Set<string | number>();
  let settle: (() => void) | null = null;
  const receive = transport.onmessage;
  let initialized = false;
  transport.onmessage = (message) => {
    if ('method' in message && !initialized) {
      // Before `initialize` only `ping` is served (MCP lifecycle): no tool, read or write, runs yet.
      if (message.method === 'initialize') initialized = true;
      else if (message.method !== 'ping') {
        if ('id' in message) void transport.send(notInitialized(message.id)).catch(() => {});
        return;
      }
    }
    if ('id' in message && 'method' in message) pending.add(message.id);
    else if ('method' in message && message.method === 'notifications/cancelled') {
      // A cancelled request gets no response.
      const id = (message.params as { requestId?: string | number } | undefined)?.requestId;
      if (id !== undefined) pending.delete(id);
    }
    receive?.(message);
  };
  const send = transport.send.bind(transport);
  transport.send = async (message) => {
    await send(message);
    if ('id' in message && message.id !== undefined && !('method' in message)) {
      pending.delete(message.id);
      if (pending.size === 0) settle?.();
    }
  };

  await new Promise<void>((resolve) => {
    const prevClose = transport.onclose;
    transport.onclose = () => {
      prevClose?.();
      resolve();
    };
    runtime().stdin.once('end', () => resolve());
    runtime().stdin.once('close', () => resolve());
  });
  if (pending.size > 0) {
    // A write waits for the lock at most PLAN_LOCK_TIMEOUT; do not wait much longer than that.
    const limit = lockTimeoutMs() + 5000;
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve) => {
      settle = resolve;
      timer = setTimeout(resolve, limit);
    });
    clearTimeout(timer);
  }
  await server.close().catch(() => {});
}
