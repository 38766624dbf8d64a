// MCP show_task with explain: where each field came from, as `plan show --explain --json` says it.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { plan, writeTemp } from '../helpers/run.js';
import { withSession } from './client.js';

const PLAN = ['# Plan', '', '| Area | Detail | State |', '|---|---|---|', '| Billing | Fix the refunds page | ✅ Done |', ''].join('\n');

describe('plan mcp: show_task explain', () => {
  it('returns the explain object the CLI prints, only when asked', async () => {
    const temp = writeTemp(PLAN);
    writeFileSync(join(temp.dir, '.planrc.json'), JSON.stringify({ read: { columns: { Detail: 'title' } } }));
    await withSession(temp, async (s, file) => {
      const id = (JSON.parse(plan(['-f', file, 'list', '--json']).stdout) as { tasks: { id: string }[] }).tasks[0]!.id;
      const r = await s.call('show_task', { id, explain: true });
      const cli = JSON.parse(plan(['-f', file, 'show', id, '--explain', '--json']).stdout) as Record<string, unknown>;
      expect(r.structuredContent).toEqual(cli);
      expect(r.structuredContent).toMatchObject({
        task: { title: 'Fix the refunds page' },
        explain: { block: { type: 'row', line: 5, table: 3 }, status: { words: '✅ Done', reads: 'done' } },
      });
      expect((await s.call('show_task', { id })).structuredContent).not.toHaveProperty('explain');
    });
  });
});
