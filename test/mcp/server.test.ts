// End-to-end: `plan mcp` driven by the MCP SDK's own client over stdio, on
// copies of the seed. Reads must match what `plan … --json` prints; writes must
// leave exactly the bytes `plan set/edit/add/next --claim` would.

import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BIN, copyToTemp, ROOT, SEED, tempDir, writeTemp } from '../helpers/run.js';
import { runCli } from '../helpers/cli.js';
import { serverEnv, sessionOn, textOf, withSession, type Session } from './client.js';

const seedText = readFileSync(SEED, 'utf8');

/** The seed's two date stamps as a write on SOURCE_DATE_EPOCH (2026-01-01) leaves them. */
function stamped(text: string): string {
  const out = text.replace('\nmodified: 2026-02-20\n', '\nmodified: 2026-01-01\n').replace('**Last Updated**: 2026-02-20', '**Last Updated**: 2026-01-01');
  expect(out.split('2026-01-01').length).toBe(3);
  return out;
}

function replaceOnce(text: string, from: string, to: string): string {
  expect(text.split(from).length, `"${from}" occurs once`).toBe(2);
  return text.replace(from, to);
}

/** What `plan -f file --json <args>` prints, parsed (in-process: the server is the process under test here). */
async function cliJson(file: string, args: string[]): Promise<unknown> {
  const r = await runCli(['-f', file, '--json', ...args]);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}

const TOOLS = ['add_task', 'check', 'claim_task', 'edit_task', 'list_tasks', 'next_task', 'ready_tasks', 'set_status', 'show_task', 'summary'];

describe('plan mcp: reading', () => {
  const on = sessionOn(SEED, 'progress_planning.md');
  const copy = { file: on.file };
  let s: Session;
  beforeAll(() => {
    s = on.session();
  });

  it('announces itself and lists its ten tools, each with input and output schemas', async () => {
    expect(s.client.getServerVersion()).toMatchObject({ name: 'plan', version: '0.1.0' });
    const { tools } = await s.client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(TOOLS);
    for (const t of tools) {
      expect(t.description, t.name).toBeTruthy();
      expect(t.inputSchema.type).toBe('object');
      expect(t.outputSchema?.type, t.name).toBe('object');
    }
    const set = tools.find((t) => t.name === 'set_status')!;
    expect(set.inputSchema.required).toEqual(['id', 'status']);
    expect(set.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: false });
    expect(tools.find((t) => t.name === 'list_tasks')!.annotations).toMatchObject({ readOnlyHint: true });
  });

  it('list_tasks returns what `plan list --json` prints, for every filter', async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{}, ['list']],
      [{ week: '1' }, ['list', '--week', '1']],
      [{ week: 1 }, ['list', '--week', '1']],
      [{ sprint: 8, status: 'open' }, ['list', '--sprint', '8', '--status', 'open']],
      [{ month: '2', owner: 'architect' }, ['list', '--month', '2', '--owner', 'architect']],
      [{ phase: '5', grep: 'kernel' }, ['list', '--phase', '5', '--grep', 'kernel']],
      [{ section: 'Week 2' }, ['list', '--section', 'Week 2']],
      [{ line: 25 }, ['list', '--line', '25']],
      [{ status: 'done,pending' }, ['list', '--status', 'done,pending']],
      [{ milestone: '1' }, ['list', '--milestone', '1']],
    ];
    for (const [args, cli] of cases) {
      const r = await s.call('list_tasks', args);
      expect(r.isError, JSON.stringify(args)).toBeFalsy();
      expect(r.structuredContent, JSON.stringify(args)).toEqual(await cliJson(copy.file, cli));
    }
    const week1 = await s.call('list_tasks', { week: '1' });
    expect(textOf(week1)).toBe(
      [`3 of 24 tasks in ${copy.file}`, '1.1  done  VM Service Startup', '1.2  in-progress  Memory Tools Integration', '1.3  pending  Redis + VM Split'].join(
        '\n',
      ),
    );
  });

  it('show_task returns what `plan show --json` prints', async () => {
    for (const id of ['1.2', 'W4-5', '5.A', '12']) {
      const r = await s.call('show_task', { id });
      expect(r.structuredContent).toEqual(await cliJson(copy.file, ['show', id]));
    }
    const r = await s.call('show_task', { id: '1.2', sprint: '8' });
    expect(textOf(r)).toBe(`1.2  in-progress  Memory Tools Integration  (${copy.file}:25)`);
    expect((r.structuredContent as { task: { notes: string } }).task.notes).toBe('Connect metrics_collector.py');
  });

  it('next_task picks as `plan next` does, with the reason', async () => {
    for (const [args, cli] of [
      [{}, ['next']],
      [{ owner: 'Opus' }, ['next', '--owner', 'Opus']],
      [{ owner: 'Architect', month: '2' }, ['next', '--owner', 'Architect', '--month', '2']],
      [{ week: '1', status: 'done' }, ['next', '--week', '1', '--status', 'done']],
    ] as [Record<string, unknown>, string[]][]) {
      const r = await s.call('next_task', args);
      expect(r.structuredContent, JSON.stringify(args)).toEqual(await cliJson(copy.file, cli));
    }
    const r = await s.call('next_task', { owner: 'Architect', month: '2' });
    expect(r.structuredContent).toMatchObject({
      task: { id: '10', owner: 'Any' },
      reason: 'picked because it is open (no status), first of 5 in file order, unowned',
    });
    expect(textOf(r)).toBe(
      `10  none  Multi-model benchmark results  (Any)  (${copy.file}:59)\npicked because it is open (no status), first of 5 in file order, unowned`,
    );
    const none = await s.call('next_task', { week: '1', status: 'done' });
    expect(none.structuredContent).toMatchObject({ task: null, reason: 'nothing left to do' });
    expect(none.isError).toBeFalsy();
  });

  it('summary returns what `plan summary --json` prints', async () => {
    const all = await s.call('summary');
    expect(all.structuredContent).toEqual(await cliJson(copy.file, ['summary']));
    expect(textOf(all).split('\n').pop()).toBe(`${copy.file}: 1/24 4%`);
    const sprint = await s.call('summary', { sprint: '8' });
    expect(sprint.structuredContent).toEqual(await cliJson(copy.file, ['summary', '--sprint', '8']));
  });

  it('check returns what `plan check --json` prints, not as a tool error', async () => {
    const r = await s.call('check');
    expect(r.isError).toBeFalsy();
    const cli = await runCli(['-f', copy.file, '--json', 'check']);
    expect(cli.code).toBe(1);
    expect(r.structuredContent).toEqual(JSON.parse(cli.stdout));
    const plain = (await runCli(['-f', copy.file, '--plain', 'check'])).stdout.trimEnd().split('\n');
    const lines = textOf(r).split('\n');
    expect(lines.slice(0, -1)).toEqual(plain);
    expect(lines.at(-1)).toMatch(/^\d+ errors?, \d+ warnings?$/);
  });

  it('serves the plan file and one resource per task', async () => {
    const { resources } = await s.client.listResources();
    const tasks = ((await cliJson(copy.file, ['list'])) as { tasks: { id: string }[] }).tasks;
    expect(resources.map((r) => r.uri)).toEqual(['plan://file', ...tasks.map((t) => `plan://task/${encodeURIComponent(t.id)}`)]);
    expect(resources.find((r) => r.uri === 'plan://task/1.2')).toMatchObject({ name: '1.2 Memory Tools Integration', mimeType: 'application/json' });
    const { resourceTemplates } = await s.client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate)).toEqual(['plan://file/{path}', 'plan://task/{id}']);

    const file = await s.client.readResource({ uri: 'plan://file' });
    expect(file.contents).toEqual([{ uri: 'plan://file', mimeType: 'text/markdown', text: seedText }]);
    for (const id of ['1.2', 'W4-5']) {
      const uri = `plan://task/${id}`;
      const r = await s.client.readResource({ uri });
      expect(r.contents[0]).toMatchObject({ uri, mimeType: 'application/json' });
      expect(JSON.parse((r.contents[0] as { text: string }).text)).toEqual(await cliJson(copy.file, ['show', id]));
    }
    await expect(s.client.readResource({ uri: 'plan://task/9.9' })).rejects.toThrow(/no task with id "9\.9"/);
  });

  it('reads the file again on every call', async () => {
    try {
      writeFileSync(copy.file, replaceOnce(seedText, '| 1.3 | Redis + VM Split | ‚è≥ Pending |', '| 1.3 | Redis + VM Split | ⛔ Blocked |'));
      const r = await s.call('show_task', { id: '1.3' });
      expect(r.structuredContent).toMatchObject({ task: { status: 'blocked', statusText: '⛔ Blocked' } });
      const f = await s.client.readResource({ uri: 'plan://file' });
      expect((f.contents[0] as { text: string }).text).toContain('| 1.3 | Redis + VM Split | ⛔ Blocked |');
      rmSync(copy.file);
      const gone = await s.call('list_tasks');
      expect(gone.isError).toBe(true);
      expect(textOf(gone)).toBe(`${copy.file}: no such file; check the path, or pass -f <file> / set PLAN_FILE`);
    } finally {
      writeFileSync(copy.file, seedText);
    }
    expect((await s.call('show_task', { id: '1.3' })).structuredContent).toMatchObject({ task: { status: 'pending' } });
  });
});

describe('plan mcp: writing', () => {
  it('set_status 1.2 done changes that cell and the two date stamps, nothing else', async () => {
    await withSession(copyToTemp(SEED, 'progress_planning.md'), async (s, file) => {
      const r = await s.call('set_status', { id: '1.2', status: 'done' });
      expect(r.isError).toBeFalsy();
      const expected = stamped(
        replaceOnce(seedText, '| 1.2 | Memory Tools Integration | \uf8ffüîÑ Next |', '| 1.2 | Memory Tools Integration | ✅ Complete |'),
      );
      expect(readFileSync(file, 'utf8')).toBe(expected);
      expect(textOf(r)).toBe(`1.2 Memory Tools Integration: in-progress → done  (${file}:25)`);
      expect(r.structuredContent).toMatchObject({
        schemaVersion: 3,
        file,
        changed: true,
        written: true,
        from: 'in-progress',
        to: 'done',
        task: { id: '1.2', status: 'done', statusText: '✅ Complete', line: 25 },
        remarks: [],
      });
      expect((r.structuredContent as { diff: string }).diff).toContain('+| 1.2 | Memory Tools Integration | ✅ Complete |');
      // The next read sees the write; the same call again changes nothing.
      expect((await s.call('show_task', { id: '1.2' })).structuredContent).toMatchObject({ task: { status: 'done' } });
      const again = await s.call('set_status', { id: '1.2', status: 'complete' });
      expect(again.isError).toBeFalsy();
      expect(again.structuredContent).toMatchObject({ changed: false, written: false, diff: null });
      expect(textOf(again)).toBe(`${file}:25: task 1.2 is already like that; nothing to change`);
      expect(readFileSync(file, 'utf8')).toBe(expected);
      const res = await s.client.readResource({ uri: 'plan://file' });
      expect((res.contents[0] as { text: string }).text).toBe(expected);
    });
  });

  it('set_status writes the same bytes as `plan set`, for a week row and a list item', async () => {
    await withSession(copyToTemp(SEED, 'progress_planning.md'), async (s, file) => {
      const cli = copyToTemp(SEED, 'progress_planning.md');
      try {
        for (const [id, status] of [
          ['W3', 'wip'],
          ['5.B', 'blocked'],
          ['12', '✅'],
        ] as const) {
          expect((await s.call('set_status', { id, status })).isError).toBeFalsy();
          expect((await runCli(['-f', cli.file, 'set', id, status])).code).toBe(0);
          expect(readFileSync(file, 'utf8')).toBe(readFileSync(cli.file, 'utf8'));
        }
        expect(readFileSync(file, 'utf8')).not.toBe(seedText);
      } finally {
        cli.cleanup();
      }
    });
  });

  it('dry_run returns the diff and writes nothing', async () => {
    await withSession(copyToTemp(SEED, 'progress_planning.md'), async (s, file) => {
      const r = await s.call('set_status', { id: '1.3', status: 'done', dry_run: true });
      expect(r.structuredContent).toMatchObject({ changed: true, written: false, task: { status: 'done' } });
      const diff = (r.structuredContent as { diff: string }).diff;
      expect(diff).toContain('-| 1.3 | Redis + VM Split | ‚è≥ Pending | Real-time + historical |');
      expect(textOf(r)).toBe(`dry run, nothing written:\n${diff}`);
      expect(readFileSync(file, 'utf8')).toBe(seedText);
    });
  });

  it('edit_task changes the owner cell and the date stamps', async () => {
    await withSession(copyToTemp(SEED, 'progress_planning.md'), async (s, file) => {
      const r = await s.call('edit_task', { id: '5', owner: 'Sonnet', week: '2' });
      expect(r.isError).toBeFalsy();
      expect(readFileSync(file, 'utf8')).toBe(stamped(replaceOnce(seedText, '| 5 | First benchmark run | Any |', '| 5 | First benchmark run | Sonnet |')));
      expect(textOf(r)).toBe(`5 First benchmark run: owner changed  (${file}:49)`);
      expect(r.structuredContent).toMatchObject({ changed: true, written: true, task: { id: '5', owner: 'Sonnet' } });
      const title = await s.call('edit_task', { id: '1.3', title: 'Redis and VM split' });
      expect(title.structuredContent).toMatchObject({ task: { title: 'Redis and VM split' } });
      expect(readFileSync(file, 'utf8')).toContain('| 1.3 | Redis and VM split | ‚è≥ Pending | Real-time + historical |');
    });
  });

  it('add_task appends a row with the next id; the new task is a resource at once', async () => {
    await withSession(copyToTemp(SEED, 'progress_planning.md'), async (s, file) => {
      const r = await s.call('add_task', { title: 'Write MCP docs', week: 1 });
      expect(r.isError).toBeFalsy();
      expect(readFileSync(file, 'utf8')).toBe(
        stamped(
          replaceOnce(
            seedText,
            '| 1.3 | Redis + VM Split | ‚è≥ Pending | Real-time + historical |\n',
            '| 1.3 | Redis + VM Split | ‚è≥ Pending | Real-time + historical |\n| 1.4 | Write MCP docs | ⏳ Pending |  |\n',
          ),
        ),
      );
      expect(textOf(r)).toBe(`1.4 Write MCP docs: added  (${file}:27)`);
      expect(r.structuredContent).toMatchObject({ changed: true, written: true, task: { id: '1.4', status: 'pending', week: '1', sprint: '8', line: 27 } });
      expect((r.structuredContent as { task: unknown }).task).toEqual(((await cliJson(file, ['show', '1.4'])) as { task: unknown }).task);
      const { resources } = await s.client.listResources();
      expect(resources.map((x) => x.uri)).toContain('plan://task/1.4');
      const withOwner = await s.call('add_task', { title: 'Check dashboards', month: '2', owner: 'Opus' });
      expect(withOwner.structuredContent).toMatchObject({ task: { id: '15', owner: 'Opus', month: '2' } });
    });
  });

  it('claim_task marks the next task in progress for its owner, as `plan next --claim` does', async () => {
    await withSession(copyToTemp(SEED, 'progress_planning.md'), async (s, file) => {
      const cli = copyToTemp(SEED, 'progress_planning.md');
      try {
        const r = await s.call('claim_task', { owner: 'Opus' });
        expect(r.isError).toBeFalsy();
        expect(readFileSync(file, 'utf8')).toBe(
          // Week 1 has no Owner column: the owner is an @mark closing the status cell.
          stamped(replaceOnce(seedText, '| 1.3 | Redis + VM Split | ‚è≥ Pending |', '| 1.3 | Redis + VM Split | 🔄 In Progress @Opus |')),
        );
        expect(r.structuredContent).toMatchObject({
          changed: true,
          written: true,
          claimed: true,
          reason: 'picked because it is pending, first of 17 in file order, unowned', // week rows are never claimed
          task: { id: '1.3', status: 'in-progress', owner: 'Opus' },
        });
        expect(textOf(r)).toBe(`1.3 Redis + VM Split: claimed for Opus, pending → in-progress  (${file}:26)`);

        const owned = await s.call('claim_task', { owner: 'Sonnet', month: '2' });
        expect(owned.structuredContent).toMatchObject({ task: { id: '10', owner: 'Sonnet', status: 'in-progress' } });
        expect((await runCli(['-f', cli.file, 'next', '--claim', '--owner', 'Opus'])).code).toBe(0);
        expect((await runCli(['-f', cli.file, 'next', '--claim', '--owner', 'Sonnet', '--month', '2'])).code).toBe(0);
        expect(readFileSync(file, 'utf8')).toBe(readFileSync(cli.file, 'utf8'));

        const before = readFileSync(file, 'utf8');
        const nothing = await s.call('claim_task', { owner: 'Opus', week: '1', status: 'done' });
        expect(nothing.isError).toBeFalsy();
        expect(nothing.structuredContent).toEqual({
          schemaVersion: 3,
          file,
          changed: false,
          written: false,
          claimed: false,
          reason: 'nothing to claim',
          task: null,
          diff: null,
        });
        expect(textOf(nothing)).toBe(`${file}: nothing to claim for Opus (no pending task that is unowned or theirs)`);
        expect(readFileSync(file, 'utf8')).toBe(before);
      } finally {
        cli.cleanup();
      }
    });
  });
});

describe('plan mcp: the file it serves', () => {
  it('finds the plan as the CLI does: $PLAN_FILE, or PLAN.md in the current folder', async () => {
    const t = tempDir();
    try {
      writeFileSync(join(t.dir, 'PLAN.md'), seedText);
      for (const [args, env] of [
        [['mcp'], {}],
        [['mcp'], { PLAN_FILE: 'PLAN.md' }],
      ] as [string[], Record<string, string>][]) {
        const { StdioClientTransport } = await import('@modelcontextprotocol/sdk/client/stdio.js');
        const { Client } = await import('@modelcontextprotocol/sdk/client/index.js');
        const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, ...args], cwd: t.dir, env: serverEnv(env), stderr: 'pipe' });
        const client = new Client({ name: 'plan-test', version: '1.0.0' });
        await client.connect(transport);
        const r = await client.callTool({ name: 'list_tasks', arguments: { week: '1' } });
        expect(r.structuredContent).toMatchObject({ file: 'PLAN.md' });
        expect((r.structuredContent as { tasks: unknown[] }).tasks).toHaveLength(3);
        await client.close();
      }
    } finally {
      t.cleanup();
    }
  });

  it('answers the requests in flight when the client closes stdin, then exits 0', () => {
    const copy = copyToTemp(SEED, 'progress_planning.md');
    try {
      const messages = [
        { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } },
        { jsonrpc: '2.0', method: 'notifications/initialized' },
        { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'set_status', arguments: { id: '1.2', status: 'done' } } },
      ];
      const r = spawnSync(process.execPath, [BIN, '-f', copy.file, 'mcp'], {
        env: serverEnv(),
        encoding: 'utf8',
        input: messages.map((m) => `${JSON.stringify(m)}\n`).join(''),
        timeout: 30_000,
      });
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
      const out = r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { id?: number; method?: string; result?: { structuredContent?: unknown } });
      // The write also tells the client that the list of task resources may have changed.
      expect(out.filter((m) => m.method).map((m) => m.method)).toEqual(['notifications/resources/list_changed']);
      const responses = out.filter((m) => m.id !== undefined);
      expect(responses.map((m) => m.id)).toEqual([1, 2]);
      expect(responses[1]!.result?.structuredContent).toMatchObject({ written: true, task: { id: '1.2', status: 'done' } });
      expect(readFileSync(copy.file, 'utf8')).toContain('| 1.2 | Memory Tools Integration | ✅ Complete |');
    } finally {
      copy.cleanup();
    }
  });

  it('exits 2 with the usual message when there is no plan file', () => {
    const t = tempDir();
    try {
      writeFileSync(join(t.dir, '.git'), '');
      const r = spawnSync(process.execPath, [BIN, 'mcp'], { cwd: t.dir, env: serverEnv(), encoding: 'utf8', input: '' });
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^plan: no plan file found in .*; pass -f <file> or set PLAN_FILE\n$/);
    } finally {
      t.cleanup();
    }
  });

  it('lists tasks that share an id once per task, with their line', async () => {
    const f = writeTemp(
      [
        '## Sprint 1',
        '',
        '| # | Task | Status |',
        '|---|------|--------|',
        '| 3.1 | Alpha | ⏳ Pending |',
        '',
        '## Sprint 2',
        '',
        '| # | Task | Status |',
        '|---|------|--------|',
        '| 3.1 | Beta | ⏳ Pending |',
        '| 3.2 | Gamma | ✅ Done |',
        '',
      ].join('\n'),
    );
    await withSession(f, async (s) => {
      try {
        const { resources } = await s.client.listResources();
        expect(resources.map((r) => r.uri)).toEqual(['plan://file', 'plan://task/3.1?line=5', 'plan://task/3.1?line=11', 'plan://task/3.2']);
        const beta = await s.client.readResource({ uri: 'plan://task/3.1?line=11' });
        expect(JSON.parse((beta.contents[0] as { text: string }).text).task.title).toBe('Beta');
        await expect(s.client.readResource({ uri: 'plan://task/3.1' })).rejects.toThrow(/id "3\.1" matches 2 tasks/);
        const ambiguous = await s.call('set_status', { id: '3.1', status: 'done' });
        expect(ambiguous.isError).toBe(true);
        // The CLI's message, in the tool's words: arguments, not flags.
        expect(textOf(ambiguous)).toBe(
          (await runCli(['-f', f.file, 'set', '3.1', 'done'])).stderr
            .replace(/^plan: /, '')
            .trimEnd()
            .replace('filter flag:', 'filter argument:')
            .replace(/\(--(\w+) (\S+)\)/g, (_m, k: string, v: string) => `(${k}: "${v}")`),
        );
        const picked = await s.call('set_status', { id: '3.1', status: 'done', sprint: '2' });
        expect(picked.structuredContent).toMatchObject({ task: { title: 'Beta', status: 'done' } });
      } finally {
        f.cleanup();
      }
    });
  });
});

describe('plan mcp: start-up cost', () => {
  // Records every dist/ file Node loads, to see which chunks a command reads.
  function loadedChunks(args: string[]): string[] {
    const t = tempDir();
    try {
      const hook = join(t.dir, 'hook.mjs');
      writeFileSync(
        hook,
        "export async function load(url, context, next) { if (url.includes('/dist/')) process.stderr.write('LOADED ' + url + '\\n'); return next(url, context); }\n",
      );
      const register = join(t.dir, 'register.mjs');
      writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(`file://${hook}`)});\n`);
      // The bundles are CommonJS: record what require() loads, and what boot.ts reads to run through V8's
      // code cache (src/cli/boot.ts reads a bundle's source with readFileSync).
      const preload = join(t.dir, 'preload.cjs');
      writeFileSync(
        preload,
        "const M = require('module'); const load = M._load; M._load = function (request, parent, isMain) { try { const f = M._resolveFilename(request, parent, isMain); if (f.includes('/dist/')) process.stderr.write('LOADED file://' + f + '\\n'); } catch {} return load.apply(this, arguments); };\n" +
          "const fs = require('fs'); const read = fs.readFileSync; fs.readFileSync = function (f) { if (typeof f === 'string' && f.includes('/dist/') && f.endsWith('.cjs')) process.stderr.write('LOADED file://' + f + '\\n'); return read.apply(this, arguments); };\n",
      );
      const r = spawnSync(process.execPath, ['--require', preload, '--import', register, BIN, ...args], {
        cwd: ROOT,
        env: serverEnv(),
        encoding: 'utf8',
        input: '',
      });
      return r.stderr
        .split('\n')
        .filter((l) => l.startsWith('LOADED '))
        .map((l) => new URL(l.slice(7)).pathname);
    } finally {
      t.cleanup();
    }
  }
  const isSdk = (path: string) => readFileSync(path, 'utf8').includes('Server does not support');

  it('other commands never load the MCP SDK; plan mcp does', () => {
    for (const args of [['-f', SEED, 'list'], ['-f', SEED, 'set', '--help'], ['--help'], ['-f', SEED, 'summary']]) {
      const chunks = loadedChunks(args);
      expect(chunks.length, args.join(' ')).toBeGreaterThan(0);
      expect(chunks.filter(isSdk), args.join(' ')).toEqual([]);
    }
    expect(loadedChunks(['-f', SEED, 'mcp']).filter(isSdk)).toHaveLength(1);
  });
});
