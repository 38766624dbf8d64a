// End-to-end: `plan mcp` driven over raw stdio by a client that misbehaves: a
// line over 10 MiB, lines that are not JSON, an empty line, `[]`, a batch,
// objects that are not JSON-RPC messages. Each gets a JSON-RPC error and the
// server keeps serving the valid requests around them.

import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { BIN, SEED, copyToTemp } from '../helpers/run.js';
import { serverEnv } from './client.js';

const copy = copyToTemp(SEED, 'progress_planning.md');
afterAll(() => copy.cleanup());

interface Reply {
  jsonrpc: string;
  id: string | number | null;
  result?: { structuredContent?: { tasks?: { id: string }[] } };
  error?: { code: number; message: string };
}

/** Writes `lines` to a fresh `plan mcp`, closes its input, and returns every reply, its exit code and stderr. */
function exchange(lines: (string | Buffer)[]): Promise<{ replies: Reply[]; code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, '-f', copy.file, 'mcp'], { env: serverEnv() });
    let out = '';
    let stderr = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        replies: out
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as Reply),
        code,
        stderr,
      }),
    );
    for (const line of lines) child.stdin.write(line);
    child.stdin.end();
  });
}

const request = (id: number, method: string, params: unknown = {}) => `${JSON.stringify({ jsonrpc: '2.0', id, method, params })}\n`;
const INIT = request(1, 'initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } });
const INITIALIZED = `${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n`;
const listWeek1 = (id: number) => request(id, 'tools/call', { name: 'list_tasks', arguments: { week: '1' } });

function taskIds(r: Reply | undefined): string[] {
  return (r?.result?.structuredContent?.tasks ?? []).map((t) => t.id);
}

describe('plan mcp on a misbehaving client', () => {
  it('answers an oversized line with -32600 and serves the next request', async () => {
    const huge = Buffer.alloc(11 * 1024 * 1024, 'a');
    const { replies, code, stderr } = await exchange([
      INIT,
      INITIALIZED,
      listWeek1(2),
      `{"jsonrpc":"2.0","id":3,"method":"tools/list","params":{"x":"`,
      huge,
      '"}}\n',
      listWeek1(4),
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(replies.find((r) => r.id === 1)?.result).toBeDefined();
    expect(taskIds(replies.find((r) => r.id === 2))).toEqual(['1.1', '1.2', '1.3']);
    expect(replies.filter((r) => r.error)).toEqual([
      { jsonrpc: '2.0', id: null, error: { code: -32600, message: 'Invalid Request: a message longer than 10 MiB; it was skipped' } },
    ]);
    expect(replies.find((r) => r.id === 3)).toBeUndefined();
    expect(taskIds(replies.find((r) => r.id === 4))).toEqual(['1.1', '1.2', '1.3']);
  }, 60_000);

  it('answers bad JSON, an empty line, [], a batch and non-messages with -32700 / -32600, and keeps serving', async () => {
    const bad = [
      'this is not json\n',
      '\n',
      '\r\n',
      '[]\n',
      `[${request(5, 'tools/list').trim()},${request(6, 'tools/list').trim()}]\n`,
      '{}\n',
      '42\n',
      '{"jsonrpc":"2.0","id":7}\n',
      '{"jsonrpc":"1.0","id":8,"method":"tools/list"}\n',
      '{"id":9,"method":',
      '"tools/list"\n', // the end of a truncated message: not JSON either
    ];
    const { replies, code, stderr } = await exchange([INIT, INITIALIZED, ...bad, listWeek1(10)]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(replies.filter((r) => r.error).map((r) => [r.id, r.error!.code, r.error!.message])).toEqual([
      [null, -32700, 'Parse error: the line is not JSON'],
      [null, -32700, 'Parse error: an empty line'],
      [null, -32700, 'Parse error: an empty line'],
      [null, -32600, 'Invalid Request: an empty batch'],
      [null, -32600, 'Invalid Request: batches are not supported; send one message per line'],
      [null, -32600, 'Invalid Request: not a JSON-RPC 2.0 request, notification or response'],
      [null, -32600, 'Invalid Request: not a JSON-RPC 2.0 request, notification or response'],
      [7, -32600, 'Invalid Request: not a JSON-RPC 2.0 request, notification or response'],
      [8, -32600, 'Invalid Request: not a JSON-RPC 2.0 request, notification or response'],
      [null, -32700, 'Parse error: the line is not JSON'],
    ]);
    expect(replies.filter((r) => !r.error && r.id !== 1).map((r) => r.id)).toEqual([10]);
    expect(taskIds(replies.find((r) => r.id === 10))).toEqual(['1.1', '1.2', '1.3']);
  }, 60_000);

  it('before initialize answers only ping: every other request, writes included, is refused and not run', async () => {
    const setDone = request(3, 'tools/call', { name: 'set_status', arguments: { id: '1.2', status: 'done' } });
    const before = readFileSync(copy.file);
    const { replies, code, stderr } = await exchange([
      request(2, 'ping'),
      setDone,
      listWeek1(4),
      request(5, 'resources/read', { uri: 'plan://file' }),
      INIT,
      INITIALIZED,
      listWeek1(6),
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(readFileSync(copy.file).equals(before)).toBe(true);
    expect(replies.find((r) => r.id === 2)).toEqual({ jsonrpc: '2.0', id: 2, result: {} });
    expect(replies.filter((r) => r.error).map((r) => [r.id, r.error!.code])).toEqual([
      [3, -32600],
      [4, -32600],
      [5, -32600],
    ]);
    expect(replies.find((r) => r.id === 3)!.error!.message).toBe('the server is not initialized: send initialize first (only ping is answered before it)');
    expect(taskIds(replies.find((r) => r.id === 6))).toEqual(['1.1', '1.2', '1.3']);
  }, 60_000);
});
