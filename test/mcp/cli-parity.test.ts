// MCP: a tool takes what the command it mirrors takes. Three had fallen
// behind: set_status took only the scope filters (`plan set` takes --owner and
// --grep too), list_tasks had no allow_cancelled (`plan list --waiting
// --allow-cancelled`), add_task no milestone (`plan add --milestone`). Each
// is checked here against the bytes or the JSON the CLI gives.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writeTemp } from '../helpers/run.js';
import { runCli } from '../helpers/cli.js';
import { textOf, withSession } from './client.js';

const SHARED = `# Two sprints

## Sprint 8

| # | Task | Status | Owner |
|---|------|--------|-------|
| 3.1 | Old thing | ⏳ Pending | ana |

## Sprint 9

| # | Task | Status | Owner |
|---|------|--------|-------|
| 3.1 | New thing | ⏳ Pending | ben |

## Milestone 2

| # | Task | Status |
|---|------|--------|
| 7 | Ship | ⏳ Pending |
`;

const CANCELLED = `# Deps

| ID | Task | Status | Depends On |
|----|------|--------|------------|
| A | Spike | 🚫 Cancelled | - |
| B | Build | ⏳ Pending | A |
| C | Test | ⏳ Pending | B |
`;

/** The bytes `plan <args> --no-touch` leaves on a fresh copy of `text`. */
async function cliBytes(text: string, args: string[]): Promise<string> {
  const t = writeTemp(text);
  try {
    const r = await runCli(['-f', t.file, ...args, '--no-touch']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    return readFileSync(t.file, 'utf8');
  } finally {
    t.cleanup();
  }
}

/** What `plan -f file --json <args>` prints, parsed. */
async function cliJson(file: string, args: string[]): Promise<unknown> {
  const r = await runCli(['-f', file, '--json', ...args]);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}

describe('plan mcp: a tool takes what its command takes', () => {
  it('set_status picks one of several tasks sharing an id by grep or sprint, and assigns with owner, as `plan set` does', async () => {
    for (const [pick, flags] of [
      [{ grep: 'old' }, ['--grep', 'old']],
      [{ sprint: '9', owner: 'cy' }, ['--sprint', '9', '--owner', 'cy']],
    ] as const) {
      const want = await cliBytes(SHARED, ['set', '3.1', 'done', ...flags]);
      expect(want).not.toBe(SHARED);
      await withSession(writeTemp(SHARED), async (s, file) => {
        const r = await s.call('set_status', { id: '3.1', status: 'done', ...pick });
        expect(r.isError, textOf(r)).toBeFalsy();
        // The server touches the date stamps; this plan has none, so the bytes are the CLI's.
        expect(readFileSync(file, 'utf8')).toBe(want);
      });
    }
  });

  it('list_tasks takes allow_cancelled, as `plan list --waiting --allow-cancelled` does', async () => {
    const copy = writeTemp(CANCELLED);
    await withSession(copy, async (s, file) => {
      const strict = await s.call('list_tasks', { waiting: true, fields: ['id'] });
      expect(strict.structuredContent).toMatchObject({ tasks: [{ id: 'B' }, { id: 'C' }] });
      const lenient = await s.call('list_tasks', { waiting: true, allow_cancelled: true, fields: ['id'] });
      expect(lenient.structuredContent).toEqual(await cliJson(file, ['list', '--waiting', '--allow-cancelled', '--fields', 'id']));
      expect(lenient.structuredContent).toMatchObject({ tasks: [{ id: 'C' }] });
    });
  });

  it('add_task takes milestone, as `plan add --milestone` does', async () => {
    const want = await cliBytes(SHARED, ['add', 'Docs', '--milestone', '2']);
    expect(want).toBe(`${SHARED}| 8 | Docs | ⏳ Pending |\n`);
    await withSession(writeTemp(SHARED), async (s, file) => {
      const r = await s.call('add_task', { title: 'Docs', milestone: 2 });
      expect(r.isError, textOf(r)).toBeFalsy();
      expect(readFileSync(file, 'utf8')).toBe(want);
    });
  });

  it('add_task and edit_task take depends and estimate, as `plan add`/`plan edit --depends --estimate` do', async () => {
    const table = '| ID | Task | Status | Depends | Est |\n|----|------|--------|---------|-----|\n| 1 | A | pending | | 2d |\n| 2 | B | pending | 1 | |\n';
    const want = await cliBytes(table, ['add', 'C', '--depends', '1,2', '--estimate', '3d']);
    expect(want).toBe(`${table}| 3 | C | pending | 1, 2 | 3d |\n`);
    await withSession(writeTemp(table), async (s, file) => {
      const r = await s.call('add_task', { title: 'C', depends: '1,2', estimate: '3d' });
      expect(r.isError, textOf(r)).toBeFalsy();
      expect(readFileSync(file, 'utf8')).toBe(want);
      const e = await s.call('edit_task', { id: '2', depends: '', estimate: '1h' });
      expect(e.isError, textOf(e)).toBeFalsy();
      expect(readFileSync(file, 'utf8')).toBe(want.replace('| 2 | B | pending | 1 | |', '| 2 | B | pending |  | 1h |'));
    });
  });
});
