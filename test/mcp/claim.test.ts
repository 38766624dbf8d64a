// Five agents, five `plan mcp` processes on one file, claiming at once: each
// gets a different task and the file holds all five claims.

import { describe, expect, it } from 'vitest';
import { copyToTemp, plan, SEED } from '../helpers/run.js';
import { connect, type Session } from './client.js';

interface TaskOut {
  id: string;
  status: string;
  owner: string | null;
}

describe('plan mcp: concurrent claims', () => {
  it('five servers claiming at once get five different tasks, all recorded', async () => {
    const copy = copyToTemp(SEED, 'progress_planning.md');
    const owners = ['Ada', 'Grace', 'Linus', 'Barbara', 'Ken'];
    const sessions: Session[] = await Promise.all(owners.map(() => connect(copy.file)));
    try {
      // The first five status-less tasks (2-6) sit in tables with an Owner column
      // and are unowned ("Any"): one each, whoever gets the lock first.
      const results = await Promise.all(sessions.map((s, i) => s.call('claim_task', { owner: owners[i]!, status: 'none' })));
      const claims = results.map((r, i) => {
        expect(r.isError, JSON.stringify(r.content)).toBeFalsy();
        const out = r.structuredContent as { claimed: boolean; written: boolean; task: TaskOut };
        expect(out).toMatchObject({ claimed: true, written: true, task: { status: 'in-progress', owner: owners[i] } });
        return { owner: owners[i]!, id: out.task.id };
      });
      expect(new Set(claims.map((c) => c.id)).size).toBe(5);
      expect(claims.map((c) => c.id).sort((a, b) => Number(a) - Number(b))).toEqual(['2', '3', '4', '5', '6']);

      // The file holds every claim, as the CLI reads it.
      const listed = JSON.parse(plan(['-f', copy.file, '--json', 'list']).stdout) as { tasks: TaskOut[] };
      for (const c of claims) {
        expect(listed.tasks.find((t) => t.id === c.id)).toMatchObject({ status: 'in-progress', owner: c.owner });
      }
      expect(
        listed.tasks
          .filter((t) => t.status === 'in-progress')
          .map((t) => t.id)
          .sort(),
      ).toEqual(['1.2', ...claims.map((c) => c.id)].sort());
    } finally {
      await Promise.all(sessions.map((s) => s.close()));
      copy.cleanup();
    }
  });

  it('five servers claiming the whole plan at once never take the same task', async () => {
    const copy = copyToTemp(SEED, 'progress_planning.md');
    const owners = ['A1', 'A2', 'A3', 'A4', 'A5'];
    const sessions: Session[] = await Promise.all(owners.map(() => connect(copy.file)));
    try {
      const results = await Promise.all(sessions.map((s, i) => s.call('claim_task', { owner: owners[i]! })));
      const ids = results.map((r) => {
        expect(r.isError, JSON.stringify(r.content)).toBeFalsy();
        return (r.structuredContent as { task: TaskOut }).task.id;
      });
      expect(new Set(ids).size).toBe(5);
      const listed = JSON.parse(plan(['-f', copy.file, '--json', 'list']).stdout) as { tasks: TaskOut[] };
      for (const id of ids) expect(listed.tasks.find((t) => t.id === id)?.status).toBe('in-progress');
    } finally {
      await Promise.all(sessions.map((s) => s.close()));
      copy.cleanup();
    }
  });
});
