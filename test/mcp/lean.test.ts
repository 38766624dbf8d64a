// MCP: dependencies and lean results (ready_tasks, fields, limit, waiting),
// and the size of tools/list, which every client pays for in its context.

import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES } from '../helpers/run.js';
import { runCli } from '../helpers/cli.js';
import { sessionOn, textOf, type Session } from './client.js';

/**
 * tools/list was 26,279 bytes for nine tools before it was made compact; about 17.98 KB for ten with numeric ids and set_status owner;
 * 18.10 KB with a task's `places` (a field of every task schema and of each tool's `fields`); the date, priority and tag filters fit by
 * saying the schemas more briefly (src/mcp/compact.ts); 18.40 KB (+200 bytes) for add_task's and edit_task's due, priority, tag and
 * edit_task's untag (seven arguments, their descriptions cut to a few words), which plan add and plan edit take;
 * 18.65 KB (+210 bytes) for the `in` argument of the tools that read or write a plan of several files, and `file` among the `fields`.
 * 18.70 KB (+50: the two bare `sort` arguments of list_tasks and ready_tasks cost 34 bytes each, the list was 18,377 before);
 * 18.78 KB (+80: summary's `overdue` count in its group and total output schemas, 78 bytes);
 * 18.95 KB (+170: add_task's and edit_task's depends and estimate, 166 bytes with edit_task's description naming them).
 */
const TOOLS_LIST_LIMIT = 18_950;

async function cliJson(file: string, args: string[]): Promise<unknown> {
  const r = await runCli(['-f', file, '--json', ...args]);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}

describe('plan mcp: dependencies and lean results', () => {
  const on = sessionOn(join(FIXTURES, 'deps/column.md'));
  const copy = { file: on.file };
  let s: Session;
  beforeAll(() => {
    s = on.session();
  });

  it(`keeps tools/list under ${TOOLS_LIST_LIMIT} bytes, every tool still with input and output schemas`, async () => {
    const list = await s.client.listTools();
    expect(Buffer.byteLength(JSON.stringify(list))).toBeLessThan(TOOLS_LIST_LIMIT);
    for (const t of list.tools) {
      expect(t.outputSchema?.type, t.name).toBe('object');
      expect(JSON.stringify(t), t.name).not.toMatch(/\$schema|9007199254740991/);
    }
    const ready = list.tools.find((t) => t.name === 'ready_tasks')!;
    expect(Object.keys(ready.inputSchema.properties ?? {})).toEqual(expect.arrayContaining(['owner', 'allow_cancelled', 'fields', 'limit']));
  });

  it('ready_tasks returns what `plan ready --json` prints, also with fields and limit', async () => {
    expect((await s.call('ready_tasks')).structuredContent).toEqual(await cliJson(copy.file, ['ready']));
    const lean = await s.call('ready_tasks', { fields: ['title', 'status'], limit: 1 });
    expect(lean.structuredContent).toEqual(await cliJson(copy.file, ['ready', '--fields', 'title,status', '--limit', '1']));
    expect(lean.structuredContent).toMatchObject({ tasks: [{ id: 'FEAT-001.2', title: 'API', status: 'in-progress' }], waiting: 2 });
    expect(textOf(lean)).toBe(`2 ready, 2 waiting on dependencies, in ${copy.file}; the first 1 shown (limit)\nFEAT-001.2  in-progress  API  (Ben)`);
  });

  it('list_tasks takes fields, limit, waiting and blocked_by as the CLI does', async () => {
    const r = await s.call('list_tasks', { fields: ['dependsOn'], waiting: true });
    expect(r.structuredContent).toEqual(await cliJson(copy.file, ['list', '--fields', 'dependsOn', '--waiting']));
    expect(r.structuredContent).toMatchObject({ tasks: [{ id: 'FEAT-001.3', dependsOn: ['FEAT-001.2'] }, { id: 'FEAT-001.4' }] });
    const blocked = await s.call('list_tasks', { blocked_by: 'FEAT-001.2', limit: 1 });
    expect(blocked.structuredContent).toEqual(await cliJson(copy.file, ['list', '--blocked-by', 'FEAT-001.2', '--limit', '1']));
  });

  it('an unknown field is a tool error with the CLI message', async () => {
    const r = await s.call('list_tasks', { fields: ['colour'] });
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(/^unknown field "colour"; use any of id, /);
  });

  it('show_task and next_task carry dependencies; claim_task never takes a waiting task', async () => {
    expect((await s.call('show_task', { id: 'FEAT-001.3' })).structuredContent).toEqual(await cliJson(copy.file, ['show', 'FEAT-001.3']));
    const next = await s.call('next_task', { owner: 'Cleo', status: 'pending' });
    expect(next.structuredContent).toEqual(await cliJson(copy.file, ['next', '--owner', 'Cleo', '--status', 'pending']));
    expect(next.structuredContent).toMatchObject({ task: { id: 'FEAT-001.5' } });
    const claims = [];
    for (const owner of ['Cleo', 'Dan']) claims.push((await s.call('claim_task', { owner, dry_run: owner === 'Dan' })).structuredContent);
    expect(claims[0]).toMatchObject({ claimed: true, task: { id: 'FEAT-001.5', status: 'in-progress', owner: 'Cleo' } });
    expect(claims[1]).toMatchObject({ claimed: false, task: null, reason: 'nothing to claim' });
    const waiting = await s.call('next_task', { status: 'pending' });
    expect(waiting.structuredContent).toMatchObject({ task: null, reason: 'waiting on dependencies', waiting: [{ id: 'FEAT-001.3' }, { id: 'FEAT-001.4' }] });
  });
});
