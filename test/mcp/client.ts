// Connects the MCP SDK's own client to `node bin/plan.js -f <file> mcp`, as an
// MCP host would, with the test environment of test/helpers/run.ts.

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll } from 'vitest';
import { BIN, CACHE, copyToTemp, ROOT } from '../helpers/run.js';

export interface Session {
  client: Client;
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
  /** What the server wrote on stderr so far. */
  stderr(): string;
  close(): Promise<void>;
}

export function serverEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  delete env.FORCE_COLOR;
  delete env.PLAN_FILE;
  delete env.DEBUG;
  return { ...env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1767225600', XDG_CACHE_HOME: CACHE, ...extra };
}

export async function connect(file: string, opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<Session> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN, '-f', file, 'mcp'],
    cwd: opts.cwd ?? ROOT,
    env: serverEnv(opts.env),
    stderr: 'pipe',
  });
  let err = '';
  transport.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const client = new Client({ name: 'plan-test', version: '1.0.0' });
  await client.connect(transport);
  return {
    client,
    call: async (name, args = {}) => (await client.callTool({ name, arguments: args })) as CallToolResult,
    stderr: () => err,
    close: () => client.close(),
  };
}

/** The text of a tool result's first content item. */
export function textOf(r: CallToolResult): string {
  const c = r.content[0];
  return c && c.type === 'text' ? c.text : '';
}

/**
 * A server on `temp` (a file from copyToTemp or writeTemp) for one test: runs
 * `use`, then closes the server and removes the file, whatever happened.
 */
export async function withSession<T>(temp: { file: string; cleanup(): void }, use: (s: Session, file: string) => Promise<T>): Promise<T> {
  try {
    const s = await connect(temp.file);
    try {
      return await use(s, temp.file);
    } finally {
      await s.close();
    }
  } finally {
    temp.cleanup();
  }
}

/** A copy of `src` with a server on it for the tests of one describe block. */
export function sessionOn(src: string, name?: string): { file: string; session: () => Session } {
  const copy = copyToTemp(src, name);
  let s: Session;
  beforeAll(async () => {
    s = await connect(copy.file);
  });
  afterAll(async () => {
    await s.close();
    copy.cleanup();
  });
  return { file: copy.file, session: () => s };
}
